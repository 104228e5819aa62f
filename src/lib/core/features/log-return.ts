/**
 * Log returns r[i] = ln(x[i] / x[i−1]) (Campbell, Lo & MacKinlay 1997, *The Econometrics of
 * Financial Markets*, §1.4.2: continuously compounded return).
 *
 * Warm-up: 1 row (`r[0]` is NaN). NaN rule: r[i] is NaN unless both prices are finite and > 0, so a
 * zero, negative or missing price never turns into ±Infinity downstream.
 *
 * @example
 * logReturn(Float64Array.of(100, 110, 99)); // [NaN, 0.0953…, −0.1053…]
 */
export function logReturn(values: Float64Array): Float64Array {
	const out = new Float64Array(values.length).fill(NaN);
	for (let i = 1; i < values.length; i++) {
		const prev = values[i - 1];
		const cur = values[i];
		if (prev > 0 && cur > 0 && Number.isFinite(prev) && Number.isFinite(cur)) {
			out[i] = Math.log(cur / prev);
		}
	}
	return out;
}
