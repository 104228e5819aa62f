import { rollingMean as rollingMeanColumn } from '../../features/rolling-mean';
import type { IndicatorDef } from '../indicator';
import { RollingSum } from './kernels/rolling-sum';
import { SOURCE_PARAM, SourceStream, sourceValues, sourceWarmup, windowParam } from './source';

/**
 * Rolling mean (simple moving average) of close or of log returns, TTR `runMean` / TA-Lib SMA.
 * Batch: `features/rolling-mean` (compensated running sum); stream: its twin `RollingSum`.
 *
 * @example
 * rollingMean.compute(series, { window: 20, source: 0 })[0];
 */
export const rollingMean: IndicatorDef = {
	id: 'rolling_mean',
	name: 'Rolling mean',
	category: 'statistics',
	inputs: ['close'],
	params: [windowParam(20, 1), SOURCE_PARAM],
	outputs: ['mean'],
	warmup: (p) => p.window - 1 + sourceWarmup(p),
	compute: (series, p) => [rollingMeanColumn(sourceValues(series, p), p.window)],
	stream(p) {
		const src = new SourceStream(p);
		const sum = new RollingSum(p.window);
		return { update: (bar) => Float64Array.of(sum.push(src.push(bar.close)) / p.window) };
	},
	definition:
		'mₜ = (xₜ₋w₊₁ + … + xₜ) / w, x = close (source 0) or ln(cₜ/cₜ₋₁) (source 1). ' +
		'NaN until w finite values; a missing value restarts the warm-up.',
	reference: 'Simple moving average; TTR runMean (tested against TTR 0.24 runMean).'
};
