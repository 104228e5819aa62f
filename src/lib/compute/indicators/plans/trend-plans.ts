/** GPU plans for the trend indicators (CPU twins: core/indicators/trend). */
import { maxStart, PlanBuilder, rd, type GpuPlan } from '../plan';
import { atr, ema, field, lagged, sma, trueRange, wilderSum } from './building-blocks';

export function smaPlan(): GpuPlan {
	const b = new PlanBuilder('sma', ['n']);
	return b.build([{ col: sma(b, field(b, 'close'), b.ip('n')) }]);
}

export function emaPlan(): GpuPlan {
	const b = new PlanBuilder('ema', ['n']);
	return b.build([{ col: ema(b, field(b, 'close'), b.ip('n')) }]);
}

/** Weights 1 … n, newest heaviest, recomputed per window with a compensated sum. */
export function wmaPlan(): GpuPlan {
	const b = new PlanBuilder('wma', ['n']);
	const close = field(b, 'close');
	const n = b.ip('n');
	const wma = b.window(`${n} - 1`, n, {
		init: 'var s = 0.0;\n\tvar e = 0.0;',
		step: `kadd(&s, &e, f32(k + 1) * ${rd(close, 'j')});`,
		result: `(s + e) / (f32(w) * f32(w + 1) / 2.0)`
	});
	return b.build([{ col: wma }]);
}

export function demaPlan(): GpuPlan {
	const b = new PlanBuilder('dema', ['n']);
	const n = b.ip('n');
	const e1 = ema(b, field(b, 'close'), n);
	const e2 = ema(b, e1, n);
	return b.build([{ col: b.map(e2.start, `2.0 * ${rd(e1)} - ${rd(e2)}`) }]);
}

export function temaPlan(): GpuPlan {
	const b = new PlanBuilder('tema', ['n']);
	const n = b.ip('n');
	const e1 = ema(b, field(b, 'close'), n);
	const e2 = ema(b, e1, n);
	const e3 = ema(b, e2, n);
	return b.build([{ col: b.map(e3.start, `3.0 * ${rd(e1)} - 3.0 * ${rd(e2)} + ${rd(e3)}`) }]);
}

/**
 * KAMA: an EMA whose smoothing constant scₜ varies with the efficiency ratio. Still affine in y
 * (yₜ = (1 − scₜ) yₜ₋₁ + scₜ Cₜ), so it runs on the same parallel scan; sc ∈ (0, 1] keeps it
 * contractive.
 */
export function kamaPlan(): GpuPlan {
	const b = new PlanBuilder('kama', ['n', 'fast', 'slow']);
	const close = field(b, 'close');
	const n = b.ip('n');
	const step = b.map('1', `abs(${rd(close)} - ${lagged(close, '1')})`);
	const fastSc = `(2.0 / (${b.p('fast')} + 1.0))`;
	const slowSc = `(2.0 / (${b.p('slow')} + 1.0))`;
	const vol = `wsum(${step.index}u, t, ${n})`;
	const er = `select(min(1.0, abs(${rd(close)} - ${lagged(close, n)}) / ${vol}), 1.0, ${vol} == 0.0)`;
	const sc = b.map(n, `pow(${er} * (${fastSc} - ${slowSc}) + ${slowSc}, 2.0)`);
	const kama = b.scan(`${n} - 1`, {
		seed: rd(close),
		a: `(1.0 - ${rd(sc)})`,
		b: `${rd(sc)} * ${rd(close)}`
	});
	return b.build([{ col: { index: kama.index, start: n } }]);
}

export function macdPlan(): GpuPlan {
	const b = new PlanBuilder('macd', ['fast', 'slow', 'signal']);
	const close = field(b, 'close');
	const fast = ema(b, close, b.ip('fast'));
	const slow = ema(b, close, b.ip('slow'));
	const line = b.map(maxStart(fast.start, slow.start), `${rd(fast)} - ${rd(slow)}`);
	const signal = ema(b, line, b.ip('signal'));
	const hist = b.map(signal.start, `${rd(line)} - ${rd(signal)}`);
	return b.build([{ col: line }, { col: signal }, { col: hist }]);
}

/** ADX: Wilder sums and the DX average are linear recurrences: three scans plus one EMA scan. */
export function adxPlan(): GpuPlan {
	const b = new PlanBuilder('adx', ['n']);
	const n = b.ip('n');
	const high = field(b, 'high');
	const low = field(b, 'low');
	const close = field(b, 'close');
	const tr = trueRange(b, high, low, close);
	const up = `(${rd(high)} - ${lagged(high, '1')})`;
	const down = `(${lagged(low, '1')} - ${rd(low)})`;
	// Which move counts was decided in f64 on the host (see pack-inputs.ts): the tie rule is discontinuous.
	const move = field(b, 'directional_move');
	const pdm = b.map('1', `select(0.0, ${up}, ${rd(move)} > 0.5)`);
	const mdm = b.map('1', `select(0.0, ${down}, ${rd(move)} < -0.5)`);
	const trS = wilderSum(b, tr, n);
	const pS = wilderSum(b, pdm, n);
	const mS = wilderSum(b, mdm, n);
	const di = (s: string) => `select(100.0 * ${s} / ${rd(trS)}, 0.0, ${rd(trS)} == 0.0)`;
	const plus = b.map(trS.start, di(rd(pS)));
	const minus = b.map(trS.start, di(rd(mS)));
	const sum = `(${rd(plus)} + ${rd(minus)})`;
	const dx = b.map(
		trS.start,
		`select(100.0 * (abs(${rd(plus)} - ${rd(minus)}) / ${sum}), 0.0, ${sum} == 0.0)`
	);
	const adx = ema(b, dx, n, `1.0 / f32(${n})`);
	return b.build([{ col: adx }, { col: plus }, { col: minus }, { col: dx }]);
}

export function aroonPlan(): GpuPlan {
	const b = new PlanBuilder('aroon', ['n']);
	const n = b.ip('n');
	const high = field(b, 'high');
	const low = field(b, 'low');
	const score = (c: typeof high, sign: string) =>
		`100.0 * (f32(${n}) - wextreme_age(${c.index}u, t, ${n} + 1, ${sign})) / f32(${n})`;
	const up = b.map(n, score(high, '1.0'));
	const down = b.map(n, score(low, '-1.0'));
	const osc = b.map(n, `${rd(up)} - ${rd(down)}`);
	return b.build([{ col: up }, { col: down }, { col: osc }]);
}

export function atrPlan(): GpuPlan {
	const b = new PlanBuilder('atr', ['period']);
	const tr = trueRange(b, field(b, 'high'), field(b, 'low'), field(b, 'close'));
	return b.build([{ col: atr(b, tr, b.ip('period')) }]);
}
