import type { IndicatorDef, Params } from '../indicator';
import { RollingExtreme } from './kernels/rolling-extreme';
import { gather, rollingMaxIndex } from './kernels/rolling-extreme-column';
import { SOURCE_PARAM, SourceStream, sourceValues, sourceWarmup, windowParam } from './source';

/**
 * Rolling maximum of close or of log returns, TTR `runMax` / TA-Lib MAX: a monotonic deque,
 * O(1) amortised per bar on both paths (the batch path runs its column twin, same ties and NaN rule).
 */
export const rollingMax: IndicatorDef = {
	id: 'rolling_max',
	name: 'Rolling maximum',
	category: 'statistics',
	inputs: ['close'],
	params: [windowParam(20, 1), SOURCE_PARAM],
	outputs: ['max'],
	warmup: (p) => p.window - 1 + sourceWarmup(p),
	compute(series, p) {
		const x = sourceValues(series, p);
		const at = new Int32Array(x.length);
		rollingMaxIndex(x, 0, x.length, p.window, at);
		return [gather(x, at)];
	},
	stream(p) {
		const src = new SourceStream(p);
		const k = kernel(p);
		return { update: (bar) => Float64Array.of(k.push(src.push(bar.close))) };
	},
	definition:
		'maxₜ = max(xₜ₋w₊₁, …, xₜ), x = close (source 0) or ln(cₜ/cₜ₋₁) (source 1). ' +
		'NaN until w finite values; a missing value restarts the warm-up.',
	reference: 'Lemire (2006) streaming max-min filter; tested against TTR 0.24 runMax.'
};

const kernel = (p: Params) => new RollingExtreme(p.window, 'max');
