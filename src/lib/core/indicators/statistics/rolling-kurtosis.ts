import type { IndicatorDef } from '../indicator';
import { RollingMoments } from './kernels/rolling-moments';
import { SOURCE_PARAM, SourceStream, sourceValues, sourceWarmup, windowParam } from './source';

/** G₂ of the kernel's window, or NaN for a (numerically) constant window. */
function kurtosis(m: RollingMoments, n: number): number {
	if (m.degenerate) return NaN;
	const g2 = m.m4 / (m.m2 * m.m2);
	return ((n - 1) / ((n - 2) * (n - 3))) * ((n + 1) * g2 - 3 * (n - 1));
}

/**
 * Rolling excess kurtosis, bias-corrected G₂ (pandas `rolling().kurt()`, Excel KURT): 0 for
 * normal data. O(1) per bar with anchored power sums.
 */
export const rollingKurtosis: IndicatorDef = {
	id: 'rolling_kurtosis',
	name: 'Rolling excess kurtosis (G₂)',
	category: 'statistics',
	inputs: ['close'],
	params: [windowParam(20, 4), SOURCE_PARAM],
	outputs: ['kurtosis'],
	warmup: (p) => p.window - 1 + sourceWarmup(p),
	compute(series, p) {
		const x = sourceValues(series, p);
		const k = new RollingMoments(p.window);
		const out = new Float64Array(x.length);
		for (let i = 0; i < x.length; i++) out[i] = k.push(x[i]) ? kurtosis(k, p.window) : NaN;
		return [out];
	},
	stream(p) {
		const src = new SourceStream(p);
		const k = new RollingMoments(p.window);
		return {
			update: (bar) => Float64Array.of(k.push(src.push(bar.close)) ? kurtosis(k, p.window) : NaN)
		};
	},
	definition:
		'G₂ = (n − 1) / ((n − 2)(n − 3)) · ((n + 1) m₄ / m₂² − 3(n − 1)), mₖ = Σ (x − x̄)ᵏ / n over ' +
		'the last n = w values of x = close (source 0) or ln(cₜ/cₜ₋₁) (source 1). Excess (normal = 0). ' +
		'NaN for a constant window.',
	reference:
		'Joanes & Gill (1998), The Statistician 47(1), G₂; tested against a base-R two-pass ' +
		'computation over each window.'
};
