import type { IndicatorDef, Params } from '../indicator';
import { rollingMeanM2 } from '../../features/rolling-std';
import type { OhlcvSeries } from '../../ohlcv';
import { RollingSum } from '../statistics/kernels/rolling-sum';
import { rollingSumColumn } from '../statistics/kernels/rolling-sum-column';
import { RollingVariance } from '../statistics/kernels/rolling-variance';
import { PERIODS_PER_YEAR, volWindowParam } from './range-volatility-params';
import { rogersSatchellTerm } from './vol-rogers-satchell';

/** k = (α − 1)/(α + (n + 1)/(n − 1)), the weight of the open-to-close variance. */
const weightK = (p: Params): number => (p.alpha - 1) / (p.alpha + (p.window + 1) / (p.window - 1));

/** σ from the two M2s (overnight, open-to-close) and the Rogers–Satchell sum: both paths' bits. */
function yangZhangSigma(m2o: number, m2c: number, rsSum: number, p: Params, k: number): number {
	const n = p.window;
	const N = p.periods_per_year;
	const s2o = (N * m2o) / (n - 1);
	const s2c = (N * m2c) / (n - 1);
	const s2rs = (N / n) * rsSum;
	return Math.sqrt(s2o + k * s2c + (1 - k) * s2rs);
}

/** Overnight, open-to-close and Rogers–Satchell parts over the same n-bar window. */
class YangZhangStream {
	private readonly overnight: RollingVariance;
	private readonly openClose: RollingVariance;
	private readonly rs: RollingSum;
	private readonly k: number;
	private prevClose = NaN;

	constructor(private readonly p: Params) {
		this.k = weightK(p);
		this.overnight = new RollingVariance(p.window);
		this.openClose = new RollingVariance(p.window);
		this.rs = new RollingSum(p.window);
	}

	next(o: number, h: number, l: number, c: number): number {
		const gap = Math.log(o / this.prevClose);
		this.prevClose = c;
		const hasO = this.overnight.push(gap);
		const hasC = this.openClose.push(Math.log(c / o));
		const rsSum = this.rs.push(rogersSatchellTerm(o, h, l, c));
		if (!hasO || !hasC) return NaN;
		return yangZhangSigma(
			this.overnight.sumSquares,
			this.openClose.sumSquares,
			rsSum,
			this.p,
			this.k
		);
	}
}

/**
 * The batch path: the three per-bar series as columns, then `rollingMeanM2` (`RollingVariance`'s
 * operations in its order) and `rollingSumColumn` (`RollingSum`'s), and the stream's combination —
 * the stream's bits, in column loops instead of three kernel objects per bar.
 */
function yangZhangBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { open, high, low, close } = series;
	const len = close.length;
	const gap = new Float64Array(len);
	const oc = new Float64Array(len);
	const rs = new Float64Array(len);
	let prevClose = NaN;
	for (let i = 0; i < len; i++) {
		const o = open[i];
		const c = close[i];
		gap[i] = Math.log(o / prevClose);
		prevClose = c;
		oc[i] = Math.log(c / o);
		rs[i] = rogersSatchellTerm(o, high[i], low[i], c);
	}
	// The M2s cannot overwrite their own input (the value leaving the window is read after its
	// row's output is written), but `gap` is free once its M2 is taken: it takes σ²꜀'s.
	const m2o = new Float64Array(len);
	rollingMeanM2(gap, p.window, null, m2o);
	rollingMeanM2(oc, p.window, null, gap);
	const out = new Float64Array(len);
	rollingSumColumn(rs, 0, len, p.window, out);
	const k = weightK(p);
	for (let i = 0; i < len; i++) out[i] = yangZhangSigma(m2o[i], gap[i], out[i], p, k);
	return [out];
}

/**
 * Yang & Zhang (2000) drift- and opening-jump-robust volatility, TTR `volatility(calc =
 * "yang.zhang")`: σ² = σ²ₒ + k σ²꜀ + (1 − k) σ²ᵣₛ with k = (α − 1)/(α + (n + 1)/(n − 1)), α = 1.34.
 */
export const volYangZhang: IndicatorDef = {
	id: 'vol_yang_zhang',
	name: 'Yang–Zhang volatility',
	category: 'volatility',
	inputs: ['open', 'high', 'low', 'close'],
	params: [
		volWindowParam(2),
		PERIODS_PER_YEAR,
		{
			name: 'alpha',
			default: 1.34,
			min: 1,
			max: 100,
			integer: false,
			description: 'Yang–Zhang α in k = (α − 1)/(α + (n + 1)/(n − 1)); 1.34 minimises variance'
		}
	],
	outputs: ['volatility'],
	warmup: (p) => p.window,
	compute: yangZhangBatch,
	stream(p) {
		const k = new YangZhangStream(p);
		return { update: (b) => Float64Array.of(k.next(b.open, b.high, b.low, b.close)) };
	},
	definition:
		'σ²ₒ = N · var(ln(Oᵢ/Cᵢ₋₁)), σ²꜀ = N · var(ln(Cᵢ/Oᵢ)) (sample variances over the last n bars), ' +
		'σ²ᵣₛ = N/n · Σ Rogers–Satchell terms; σ = √(σ²ₒ + k σ²꜀ + (1 − k) σ²ᵣₛ), ' +
		'k = (α − 1)/(α + (n + 1)/(n − 1)). First value at bar n (the overnight return needs Cₜ₋₁).',
	reference:
		'Yang & Zhang (2000), "Drift-independent volatility estimation based on high, low, open, ' +
		'and close prices", J. Business 73(3); tested against TTR 0.24 volatility(calc = ' +
		'"yang.zhang", N = 252).'
};
