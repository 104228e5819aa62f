import type { Standardizer } from './fit-standardizer';

/**
 * Standardises a windowed tensor (or any row-major array of nFeatures-wide rows) with statistics from
 * `fitStandardizer`: out = (x − mean[f]) / std[f]. Returns a new array; `x` is not changed.
 *
 * @example
 * applyStandardizer(Float32Array.of(1, 10, 3, 30), 2, { mean: Float64Array.of(2, 20), std: Float64Array.of(1, 10) });
 * // Float32Array [-1, -1, 1, 1]
 */
export function applyStandardizer(
	x: Float32Array,
	nFeatures: number,
	s: Standardizer
): Float32Array {
	const out = new Float32Array(x.length);
	for (let i = 0; i < x.length; i += nFeatures) {
		for (let f = 0; f < nFeatures; f++) out[i + f] = (x[i + f] - s.mean[f]) / s.std[f];
	}
	return out;
}
