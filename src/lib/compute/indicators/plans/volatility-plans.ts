/** GPU plans for the volatility indicators (CPU twins: core/indicators/volatility). */
import { maxStart, PlanBuilder, rd, type Col, type GpuPlan } from '../plan';
import { atr, central, ema, field, lagged, logReturns, sma, trueRange } from './building-blocks';

export function trueRangePlan(): GpuPlan {
	const b = new PlanBuilder('true_range', []);
	return b.build([{ col: trueRange(b, field(b, 'high'), field(b, 'low'), field(b, 'close')) }]);
}

export function natrPlan(): GpuPlan {
	const b = new PlanBuilder('natr', ['period']);
	const close = field(b, 'close');
	const a = atr(b, trueRange(b, field(b, 'high'), field(b, 'low'), close), b.ip('period'));
	return b.build([{ col: b.map(a.start, `100.0 * ${rd(a)} / ${rd(close)}`) }]);
}

/** Bollinger bands on the close, population σ; %b is NaN on a flat window. */
export function bollingerPlan(): GpuPlan {
	const b = new PlanBuilder('bollinger', ['period', 'k']);
	const n = b.ip('period');
	const close = field(b, 'close');
	const middle = sma(b, close, n);
	const sigma = b.map(middle.start, `sqrt(${central(close, middle, n, 2)} / f32(${n}))`);
	const upper = b.map(middle.start, `${rd(middle)} + ${b.p('k')} * ${rd(sigma)}`);
	const lower = b.map(middle.start, `${rd(middle)} - ${b.p('k')} * ${rd(sigma)}`);
	const width = `(${rd(upper)} - ${rd(lower)})`;
	const percentB = b.map(middle.start, `(${rd(close)} - ${rd(lower)}) / ${width}`);
	const bandwidth = b.map(middle.start, `${width} / ${rd(middle)}`);
	return b.build([
		{ col: middle },
		{ col: upper },
		{ col: lower },
		{ col: percentB, nanWhen: `${rd(sigma)} == 0.0` },
		{ col: bandwidth }
	]);
}

export function keltnerPlan(): GpuPlan {
	const b = new PlanBuilder('keltner', ['period', 'atr_period', 'multiplier']);
	const high = field(b, 'high');
	const low = field(b, 'low');
	const close = field(b, 'close');
	const tp = b.map('0', `(${rd(high)} + ${rd(low)} + ${rd(close)}) / 3.0`);
	const middle = ema(b, tp, b.ip('period'));
	const range = atr(b, trueRange(b, high, low, close), b.ip('atr_period'));
	const start = maxStart(middle.start, range.start);
	const m = b.p('multiplier');
	return b.build([
		{ col: middle },
		{ col: b.map(start, `${rd(middle)} + ${m} * ${rd(range)}`) },
		{ col: b.map(start, `${rd(middle)} - ${m} * ${rd(range)}`) }
	]);
}

const annualise = (b: PlanBuilder) => b.p('periods_per_year');

export function volCloseToClosePlan(): GpuPlan {
	const b = new PlanBuilder('vol_close_to_close', ['window', 'periods_per_year']);
	const r = logReturns(b, field(b, 'close'));
	const m = `${b.ip('window')} - 1`;
	const mean = sma(b, r, m);
	const variance = `${central(r, mean, m, 2)} / f32(${m} - 1)`;
	return b.build([{ col: b.map(mean.start, `sqrt(${annualise(b)} * ${variance})`) }]);
}

/** σ = √(N/n · Σ termᵢ) over the last n bars, for a per-bar range-based term. */
function rangeVolatility(id: string, term: (o: Col, h: Col, l: Col, c: Col) => string): GpuPlan {
	const b = new PlanBuilder(id, ['window', 'periods_per_year']);
	const [o, h, l, c] = (['open', 'high', 'low', 'close'] as const).map((f) => field(b, f));
	const terms = b.map('0', term(o, h, l, c));
	const n = b.ip('window');
	const sigma = `sqrt(${annualise(b)} / f32(${n}) * wsum(${terms.index}u, t, ${n}))`;
	return b.build([{ col: b.map(`${n} - 1`, sigma) }]);
}

const ln = (x: Col, y: Col) => `log(${rd(x)} / ${rd(y)})`;

/** Parkinson's N/(4 n ln 2) Σ ln(H/L)² as N/n Σ ln(H/L)² / (4 ln 2). */
export const volParkinsonPlan = () =>
	rangeVolatility('vol_parkinson', (_o, h, l) => `pow(${ln(h, l)}, 2.0) / (4.0 * log(2.0))`);

export const volGarmanKlassPlan = () =>
	rangeVolatility(
		'vol_garman_klass',
		(o, h, l, c) => `0.5 * pow(${ln(h, l)}, 2.0) - (2.0 * log(2.0) - 1.0) * pow(${ln(c, o)}, 2.0)`
	);

const rogersSatchell = (o: Col, h: Col, l: Col, c: Col) =>
	`${ln(h, c)} * ${ln(h, o)} + ${ln(l, c)} * ${ln(l, o)}`;

export const volRogersSatchellPlan = () => rangeVolatility('vol_rogers_satchell', rogersSatchell);

export function volYangZhangPlan(): GpuPlan {
	const b = new PlanBuilder('vol_yang_zhang', ['window', 'periods_per_year', 'alpha']);
	const [o, h, l, c] = (['open', 'high', 'low', 'close'] as const).map((f) => field(b, f));
	const n = b.ip('window');
	const N = annualise(b);
	const overnight = b.map('1', `log(${rd(o)} / ${lagged(c, '1')})`);
	const openClose = b.map('0', ln(c, o));
	const rs = b.map('0', rogersSatchell(o, h, l, c));
	const mo = sma(b, overnight, n);
	const mc = b.map(mo.start, `wsum(${openClose.index}u, t, ${n}) / f32(${n})`);
	const varO = `${N} * ${central(overnight, mo, n, 2)} / f32(${n} - 1)`;
	const varC = `${N} * ${central(openClose, mc, n, 2)} / f32(${n} - 1)`;
	const varRs = `${N} / f32(${n}) * wsum(${rs.index}u, t, ${n})`;
	const k = `((${b.p('alpha')} - 1.0) / (${b.p('alpha')} + f32(${n} + 1) / f32(${n} - 1)))`;
	return b.build([
		{ col: b.map(mo.start, `sqrt(${varO} + ${k} * ${varC} + (1.0 - ${k}) * ${varRs})`) }
	]);
}

/** RiskMetrics EWMA variance: σ²ₜ = λσ²ₜ₋₁ + (1 − λ)rₜ², an affine scan seeded with a mean of r². */
export function volEwmaPlan(): GpuPlan {
	const b = new PlanBuilder('vol_ewma', ['lambda', 'seed', 'periods_per_year']);
	const r = logReturns(b, field(b, 'close'));
	const r2 = b.map(r.start, `${rd(r)} * ${rd(r)}`);
	const s = b.ip('seed');
	const variance = b.scan(`${r2.start} + ${s} - 1`, {
		seed: `wsum(${r2.index}u, t, ${s}) / f32(${s})`,
		a: b.p('lambda'),
		b: `(1.0 - ${b.p('lambda')}) * ${rd(r2)}`
	});
	return b.build([{ col: b.map(variance.start, `sqrt(${annualise(b)} * ${rd(variance)})`) }]);
}
