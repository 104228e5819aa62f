import type { IndicatorDef, Params } from '../indicator';
import { RollingSum } from '../statistics/kernels/rolling-sum';
import { RollingVariance } from '../statistics/kernels/rolling-variance';
import { PERIODS_PER_YEAR, volWindowParam } from './range-volatility-params';
import { rogersSatchellTerm } from './vol-rogers-satchell';

/** Overnight, open-to-close and Rogers–Satchell parts over the same n-bar window. */
class YangZhangStream {
	private readonly overnight: RollingVariance;
	private readonly openClose: RollingVariance;
	private readonly rs: RollingSum;
	private readonly n: number;
	private readonly N: number;
	private readonly k: number;
	private prevClose = NaN;

	constructor(p: Params) {
		this.n = p.window;
		this.N = p.periods_per_year;
		this.k = (p.alpha - 1) / (p.alpha + (p.window + 1) / (p.window - 1));
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
		const n = this.n;
		const s2o = (this.N * this.overnight.sumSquares) / (n - 1);
		const s2c = (this.N * this.openClose.sumSquares) / (n - 1);
		const s2rs = (this.N / n) * rsSum;
		return Math.sqrt(s2o + this.k * s2c + (1 - this.k) * s2rs);
	}
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
	compute(series, p) {
		const k = new YangZhangStream(p);
		const { open, high, low, close } = series;
		const out = new Float64Array(close.length);
		for (let i = 0; i < out.length; i++) out[i] = k.next(open[i], high[i], low[i], close[i]);
		return [out];
	},
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
