import { rollingMeanM2 } from '../../features/rolling-std';
import type { IndicatorDef, Params } from '../indicator';
import { RollingVariance } from '../statistics/kernels/rolling-variance';
import { SourceStream, sourceValues } from '../statistics/source';
import { PERIODS_PER_YEAR, volWindowParam } from './range-volatility-params';

const LOG_RETURNS: Params = { source: 1 };

/** Annualised sample σ of the n − 1 log returns inside an n-bar window, from their M2. */
const sigma = (m2: number, p: Params): number =>
	Math.sqrt(p.periods_per_year) * Math.sqrt(m2 / (p.window - 2));

function step(v: RollingVariance, r: number, p: Params): number {
	return v.push(r) ? sigma(v.sumSquares, p) : NaN;
}

/**
 * Close-to-close volatility, TTR `volatility(calc = "close")`: √N times the sample standard
 * deviation of the n − 1 log returns that an n-bar window holds.
 */
export const volCloseToClose: IndicatorDef = {
	id: 'vol_close_to_close',
	name: 'Close-to-close volatility',
	category: 'volatility',
	inputs: ['close'],
	params: [volWindowParam(3), PERIODS_PER_YEAR],
	outputs: ['volatility'],
	warmup: (p) => p.window - 1,
	compute(series, p) {
		// The log-return column and `rollingMeanM2` (RollingVariance's operations in its order):
		// the stream's bits in column loops.
		const out = new Float64Array(series.close.length);
		rollingMeanM2(sourceValues(series, LOG_RETURNS), p.window - 1, null, out);
		for (let i = 0; i < out.length; i++) out[i] = sigma(out[i], p);
		return [out];
	},
	stream(p) {
		const r = new SourceStream(LOG_RETURNS);
		const v = new RollingVariance(p.window - 1);
		return { update: (bar) => Float64Array.of(step(v, r.push(bar.close), p)) };
	},
	definition:
		'rᵢ = ln(Cᵢ/Cᵢ₋₁); σₜ = √N · √( Σ (r − r̄)² / (n − 2) ) over the n − 1 returns of the last ' +
		'n bars (sample deviation, mean not assumed zero).',
	reference:
		'Sinclair (2008), Volatility Trading, ch. 2; tested against TTR 0.24 ' +
		'volatility(calc = "close", N = 252).'
};
