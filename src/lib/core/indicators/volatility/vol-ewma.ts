import type { IndicatorDef, Params } from '../indicator';
import { SeededEma } from '../statistics/kernels/seeded-ema';
import { SourceStream } from '../statistics/source';
import { PERIODS_PER_YEAR } from './range-volatility-params';

const LOG_RETURNS: Params = { source: 1 };

/** Log return → EWMA of its square → annualised σ. */
class EwmaVolStream {
	private readonly r = new SourceStream(LOG_RETURNS);
	private readonly variance: SeededEma;
	private readonly N: number;

	constructor(p: Params) {
		this.variance = new SeededEma(p.seed, 1 - p.lambda);
		this.N = p.periods_per_year;
	}

	next(close: number): number {
		const r = this.r.push(close);
		return Math.sqrt(this.N * this.variance.push(r * r));
	}
}

/**
 * Exponentially weighted (RiskMetrics) volatility: σ²ₜ = λ σ²ₜ₋₁ + (1 − λ) r²ₜ with a zero mean,
 * λ = 0.94 for daily data, annualised. O(1) per bar.
 */
export const volEwma: IndicatorDef = {
	id: 'vol_ewma',
	name: 'EWMA volatility (RiskMetrics)',
	category: 'volatility',
	inputs: ['close'],
	params: [
		{
			name: 'lambda',
			default: 0.94,
			min: 0,
			max: 0.9999,
			integer: false,
			description: 'Decay factor λ (RiskMetrics: 0.94 daily, 0.97 monthly)'
		},
		{
			name: 'seed',
			default: 20,
			min: 1,
			max: 100_000,
			integer: true,
			description: 'Returns averaged (r²) to seed the variance'
		},
		PERIODS_PER_YEAR
	],
	outputs: ['volatility'],
	warmup: (p) => p.seed,
	compute(series, p) {
		const k = new EwmaVolStream(p);
		const out = new Float64Array(series.close.length);
		for (let i = 0; i < out.length; i++) out[i] = k.next(series.close[i]);
		return [out];
	},
	stream(p) {
		const k = new EwmaVolStream(p);
		return { update: (bar) => Float64Array.of(k.next(bar.close)) };
	},
	definition:
		'rₜ = ln(Cₜ/Cₜ₋₁); σ²ₛ = mean(r₁² … rₛ²) (s = seed); σ²ₜ = λ σ²ₜ₋₁ + (1 − λ) rₜ²; ' +
		'output √(N σ²ₜ). σₜ includes rₜ (known at the close of bar t). A missing return restarts ' +
		'the seed.',
	reference:
		'J.P. Morgan/Reuters (1996), RiskMetrics — Technical Document, 4th ed., §5.2.1; tested ' +
		'against a base-R recursion (TTR has no EWMA volatility).'
};
