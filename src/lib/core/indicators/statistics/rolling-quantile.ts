import type { IndicatorDef } from '../indicator';
import { SortedWindow } from './kernels/sorted-window';
import { SOURCE_PARAM, SourceStream, sourceValues, sourceWarmup, windowParam } from './source';

/**
 * Rolling q-quantile of close or of log returns with linear interpolation, Hyndman & Fan (1996)
 * type 7 (R `quantile` default, NumPy/pandas `linear`). O(w) per bar (sorted window).
 */
export const rollingQuantile: IndicatorDef = {
	id: 'rolling_quantile',
	name: 'Rolling quantile (type 7)',
	category: 'statistics',
	inputs: ['close'],
	params: [
		windowParam(20, 1),
		{
			name: 'q',
			default: 0.9,
			min: 0,
			max: 1,
			integer: false,
			description: 'Probability of the quantile (0.5 = median)'
		},
		SOURCE_PARAM
	],
	outputs: ['quantile'],
	warmup: (p) => p.window - 1 + sourceWarmup(p),
	compute(series, p) {
		const x = sourceValues(series, p);
		const k = new SortedWindow(p.window);
		const out = new Float64Array(x.length);
		for (let i = 0; i < x.length; i++) out[i] = k.push(x[i]) ? k.quantile(p.q) : NaN;
		return [out];
	},
	stream(p) {
		const src = new SourceStream(p);
		const k = new SortedWindow(p.window);
		return {
			update: (bar) => Float64Array.of(k.push(src.push(bar.close)) ? k.quantile(p.q) : NaN)
		};
	},
	definition:
		'With x₍₀₎ ≤ … ≤ x₍w₋₁₎ the sorted window and h = (w − 1) q: ' +
		'Qₜ = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). x = close (source 0) or ln(cₜ/cₜ₋₁) (source 1).',
	reference:
		'Hyndman & Fan (1996), "Sample quantiles in statistical packages", Am. Stat. 50(4), ' +
		'definition 7; tested against R 4 quantile(type = 7) over each window.'
};
