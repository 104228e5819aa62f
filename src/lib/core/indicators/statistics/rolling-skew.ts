import type { IndicatorDef } from '../indicator';
import { RollingMoments } from './kernels/rolling-moments';
import { SOURCE_PARAM, SourceStream, sourceValues, sourceWarmup, windowParam } from './source';

/** G₁ of the kernel's window, or NaN for a (numerically) constant window. */
function skew(m: RollingMoments, n: number): number {
	if (m.degenerate) return NaN;
	// m₂^{3/2} as m₂√m₂: Math.pow took ~3/4 of the batch time (~170 → ~75 ms per 1M bars).
	return ((Math.sqrt(n * (n - 1)) / (n - 2)) * m.m3) / (m.m2 * Math.sqrt(m.m2));
}

/**
 * Rolling skewness, the adjusted Fisher–Pearson coefficient G₁ (bias-corrected; pandas
 * `rolling().skew()`, Excel SKEW, SAS/SPSS default). O(1) per bar with anchored power sums.
 */
export const rollingSkew: IndicatorDef = {
	id: 'rolling_skew',
	name: 'Rolling skewness (adjusted Fisher–Pearson G₁)',
	category: 'statistics',
	inputs: ['close'],
	params: [windowParam(20, 3), SOURCE_PARAM],
	outputs: ['skew'],
	warmup: (p) => p.window - 1 + sourceWarmup(p),
	compute(series, p) {
		const x = sourceValues(series, p);
		const k = new RollingMoments(p.window);
		const out = new Float64Array(x.length);
		for (let i = 0; i < x.length; i++) out[i] = k.push(x[i]) ? skew(k, p.window) : NaN;
		return [out];
	},
	stream(p) {
		const src = new SourceStream(p);
		const k = new RollingMoments(p.window);
		return {
			update: (bar) => Float64Array.of(k.push(src.push(bar.close)) ? skew(k, p.window) : NaN)
		};
	},
	definition:
		'G₁ = √(n(n − 1)) / (n − 2) · m₃ / m₂^{3/2}, mₖ = Σ (x − x̄)ᵏ / n over the last n = w values ' +
		'of x = close (source 0) or ln(cₜ/cₜ₋₁) (source 1). NaN for a constant window (pandas ≥ 1 ' +
		'returns 0 there).',
	reference:
		'Joanes & Gill (1998), "Comparing measures of sample skewness and kurtosis", The ' +
		'Statistician 47(1), G₁; tested against a base-R two-pass computation over each window.'
};
