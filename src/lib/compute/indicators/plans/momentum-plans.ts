/** GPU plans for the momentum indicators (CPU twins: core/indicators/momentum). */
import { maxStart, PlanBuilder, rd, type Col, type GpuPlan } from '../plan';
import { ema, field, lagged, sma, trueRange } from './building-blocks';

/** RSI: Wilder averages of gains and losses, two scans. */
export function rsiPlan(): GpuPlan {
	const b = new PlanBuilder('rsi', ['n']);
	const n = b.ip('n');
	const close = field(b, 'close');
	const delta = `(${rd(close)} - ${lagged(close, '1')})`;
	const gain = b.map('1', `max(${delta}, 0.0)`);
	const loss = b.map('1', `max(-${delta}, 0.0)`);
	const alpha = `1.0 / f32(${n})`;
	const u = ema(b, gain, n, alpha);
	const d = ema(b, loss, n, alpha);
	const sum = `(${rd(u)} + ${rd(d)})`;
	return b.build([
		{ col: b.map(u.start, `select(100.0 * ${rd(u)} / ${sum}, 50.0, ${sum} == 0.0)`) }
	]);
}

/** Highest high and lowest low of the last n bars, from row n − 1. */
function extremes(b: PlanBuilder, n: string) {
	const high = field(b, 'high');
	const low = field(b, 'low');
	const close = field(b, 'close');
	const hh = b.map(`${n} - 1`, `wmax(${high.index}u, t, ${n})`);
	const ll = b.map(`${n} - 1`, `wmin(${low.index}u, t, ${n})`);
	return { close, hh, ll };
}

export function stochPlan(): GpuPlan {
	const b = new PlanBuilder('stoch', ['k', 'd', 'slow_d']);
	const { close, hh, ll } = extremes(b, b.ip('k'));
	const range = `(${rd(hh)} - ${rd(ll)})`;
	const fastK = b.map(
		hh.start,
		`select(100.0 * (${rd(close)} - ${rd(ll)}) / ${range}, 50.0, ${range} == 0.0)`
	);
	const fastD = sma(b, fastK, b.ip('d'));
	const slowD = sma(b, fastD, b.ip('slow_d'));
	return b.build([{ col: fastK }, { col: fastD }, { col: slowD }]);
}

export function williamsRPlan(): GpuPlan {
	const b = new PlanBuilder('williams_r', ['n']);
	const { close, hh, ll } = extremes(b, b.ip('n'));
	const range = `(${rd(hh)} - ${rd(ll)})`;
	return b.build([
		{
			col: b.map(
				hh.start,
				`select(-100.0 * (${rd(hh)} - ${rd(close)}) / ${range}, -50.0, ${range} == 0.0)`
			)
		}
	]);
}

export function cciPlan(): GpuPlan {
	const b = new PlanBuilder('cci', ['n', 'c']);
	const n = b.ip('n');
	const tp = b.map(
		'0',
		`(${rd(field(b, 'high'))} + ${rd(field(b, 'low'))} + ${rd(field(b, 'close'))}) / 3.0`
	);
	const m = sma(b, tp, n);
	const md = b.map(m.start, `wcentral(${tp.index}u, t, ${n}, ${rd(m)}, -1) / f32(${n})`);
	const cci = b.map(
		m.start,
		`select((${rd(tp)} - ${rd(m)}) / (${b.p('c')} * ${rd(md)}), 0.0, ${rd(md)} == 0.0)`
	);
	return b.build([{ col: cci }]);
}

export function rocPlan(): GpuPlan {
	const b = new PlanBuilder('roc', ['n']);
	const n = b.ip('n');
	const close = field(b, 'close');
	const old = lagged(close, n);
	return b.build([
		{ col: b.map(n, `select(100.0 * (${rd(close)} / ${old} - 1.0), 0.0, ${old} == 0.0)`) }
	]);
}

export function momentumPlan(): GpuPlan {
	const b = new PlanBuilder('momentum', ['n']);
	const n = b.ip('n');
	const close = field(b, 'close');
	return b.build([{ col: b.map(n, `${rd(close)} - ${lagged(close, n)}`) }]);
}

/**
 * TRIX: a one-bar rate of change of a triple EMA. The ratio E₃ₜ/E₃ₜ₋₁ − 1 is ~1e-3, so f32's
 * relative rounding of E₃ (~6e-8) becomes ~1e-4 relative in TRIX: the loosest bound of the family.
 */
export function trixPlan(): GpuPlan {
	const b = new PlanBuilder('trix', ['n', 'signal']);
	const n = b.ip('n');
	const e1 = ema(b, field(b, 'close'), n);
	const e2 = ema(b, e1, n);
	const e3 = ema(b, e2, n);
	const trix = b.map(`${e3.start} + 1`, `100.0 * (${rd(e3)} / ${lagged(e3, '1')} - 1.0)`);
	const signal = ema(b, trix, b.ip('signal'));
	return b.build([{ col: trix }, { col: signal }]);
}

export function ultimateOscillatorPlan(): GpuPlan {
	const b = new PlanBuilder('ultimate_oscillator', ['n1', 'n2', 'n3']);
	const high = field(b, 'high');
	const low = field(b, 'low');
	const close = field(b, 'close');
	const tr = trueRange(b, high, low, close);
	const bp = b.map('1', `${rd(close)} - min(${rd(low)}, ${lagged(close, '1')})`);
	const average = (n: string): Col => {
		const trSum = `wsum(${tr.index}u, t, ${n})`;
		return b.map(n, `select(wsum(${bp.index}u, t, ${n}) / ${trSum}, 0.5, ${trSum} == 0.0)`);
	};
	const [a1, a2, a3] = ['n1', 'n2', 'n3'].map((p) => average(b.ip(p)));
	const uo = b.map(
		maxStart(a1.start, a2.start, a3.start),
		`100.0 * (4.0 * ${rd(a1)} + 2.0 * ${rd(a2)} + ${rd(a3)}) / 7.0`
	);
	return b.build([{ col: uo }]);
}
