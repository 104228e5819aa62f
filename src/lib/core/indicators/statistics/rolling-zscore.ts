import type { IndicatorDef } from '../indicator';
import { RollingVariance } from './kernels/rolling-variance';
import { SOURCE_PARAM, SourceStream, sourceValues, sourceWarmup, windowParam } from './source';
import { zscoreColumn, zscoreStep } from './zscore';

/** Rolling z-score of close or of log returns against its own trailing window (sample std). */
export const rollingZscore: IndicatorDef = {
	id: 'rolling_zscore',
	name: 'Rolling z-score',
	category: 'statistics',
	inputs: ['close'],
	params: [windowParam(20, 2), SOURCE_PARAM],
	outputs: ['zscore'],
	warmup: (p) => p.window - 1 + sourceWarmup(p),
	compute: (series, p) => [zscoreColumn(sourceValues(series, p), p.window)],
	stream(p) {
		const src = new SourceStream(p);
		const v = new RollingVariance(p.window);
		return { update: (bar) => Float64Array.of(zscoreStep(v, src.push(bar.close), p.window)) };
	},
	definition:
		'zₜ = (xₜ − x̄ₜ) / sₜ, x̄ and s (sample, ÷ (w − 1)) over the last w values including xₜ; ' +
		'x = close (source 0) or ln(cₜ/cₜ₋₁) (source 1). NaN when sₜ = 0.',
	reference: 'Standard score; tested against (x − TTR runMean) / TTR runSD (TTR 0.24).'
};
