import { rollingStd as rollingStdColumn } from '../../features/rolling-std';
import type { IndicatorDef } from '../indicator';
import { RollingVariance } from './kernels/rolling-variance';
import { SOURCE_PARAM, SourceStream, sourceValues, sourceWarmup, windowParam } from './source';

/**
 * Rolling *sample* standard deviation (divides by w − 1), TTR `runSD` / R `sd` / pandas. Note the
 * Bollinger bands use the *population* deviation (÷ w) as TTR and TA-Lib do; see `bollinger`.
 * Batch: `features/rolling-std`; stream: its twin `RollingVariance`.
 */
export const rollingStd: IndicatorDef = {
	id: 'rolling_std',
	name: 'Rolling standard deviation (sample)',
	category: 'statistics',
	inputs: ['close'],
	params: [windowParam(20, 2), SOURCE_PARAM],
	outputs: ['std'],
	warmup: (p) => p.window - 1 + sourceWarmup(p),
	compute: (series, p) => [rollingStdColumn(sourceValues(series, p), p.window)],
	stream(p) {
		const src = new SourceStream(p);
		const v = new RollingVariance(p.window);
		return {
			update: (bar) =>
				Float64Array.of(
					v.push(src.push(bar.close)) ? Math.sqrt(v.sumSquares / (p.window - 1)) : NaN
				)
		};
	},
	definition:
		'sₜ = √( Σ (x − x̄)² / (w − 1) ) over the last w values of x = close (source 0) or ' +
		'ln(cₜ/cₜ₋₁) (source 1). Sample (n − 1) divisor, unlike TA-Lib STDDEV (÷ n).',
	reference:
		'Welford (1962) sliding update, exact two-pass recomputation (Chan, Golub & LeVeque 1983); ' +
		'tested against TTR 0.24 runSD.'
};
