import type { CounterRng } from '../random/philox';

/**
 * One resample of row indices by the stationary bootstrap of Politis & Romano, "The Stationary
 * Bootstrap", *JASA* 89(428), 1994: blocks start at a uniform index, continue to the next index
 * (wrapping from n − 1 to 0) and end with probability p = 1/meanBlock after each step, so block
 * lengths are geometric with mean `meanBlock` and the resampled series is stationary. meanBlock = 1
 * is the i.i.d. bootstrap. Draws come only from `rng`, so a seed reproduces the resample.
 *
 * @throws RangeError for n < 1 (non-integer) or meanBlock < 1.
 * @example
 * stationaryBootstrapIndices(5, 2, new CounterRng(1)); // e.g. Uint32Array [3, 4, 0, 2, 3]
 */
export function stationaryBootstrapIndices(
	n: number,
	meanBlock: number,
	rng: CounterRng
): Uint32Array {
	if (!(Number.isInteger(n) && n >= 1))
		throw new RangeError(`stationaryBootstrapIndices: n must be an integer ≥ 1; got ${n}`);
	if (!(meanBlock >= 1))
		throw new RangeError(`stationaryBootstrapIndices: meanBlock must be ≥ 1; got ${meanBlock}`);
	const p = 1 / meanBlock;
	const indices = new Uint32Array(n);
	indices[0] = rng.int(n);
	for (let t = 1; t < n; t++) {
		indices[t] = rng.uniform() < p ? rng.int(n) : (indices[t - 1] + 1) % n;
	}
	return indices;
}
