import type { IndicatorDef } from '../indicator';
import { SortedWindow } from './kernels/sorted-window';
import { SOURCE_PARAM, SourceStream, sourceValues, sourceWarmup, windowParam } from './source';

/**
 * Rolling median of close or of log returns, TTR `runMedian` (non.unique = "mean": an even window
 * averages its two middle values). A sorted window with binary insertion: O(w) per bar (see
 * `SortedWindow`), on both paths.
 */
export const rollingMedian: IndicatorDef = {
	id: 'rolling_median',
	name: 'Rolling median',
	category: 'statistics',
	inputs: ['close'],
	params: [windowParam(20, 1), SOURCE_PARAM],
	outputs: ['median'],
	warmup: (p) => p.window - 1 + sourceWarmup(p),
	compute(series, p) {
		const x = sourceValues(series, p);
		const k = new SortedWindow(p.window);
		const out = new Float64Array(x.length);
		for (let i = 0; i < x.length; i++) out[i] = k.push(x[i]) ? k.median() : NaN;
		return [out];
	},
	stream(p) {
		const src = new SourceStream(p);
		const k = new SortedWindow(p.window);
		return { update: (bar) => Float64Array.of(k.push(src.push(bar.close)) ? k.median() : NaN) };
	},
	definition:
		'medianₜ = middle order statistic of the last w values of x = close (source 0) or ' +
		'ln(cₜ/cₜ₋₁) (source 1); for even w the mean of the two middle values.',
	reference: 'TTR runMedian (tested against TTR 0.24 runMedian).'
};
