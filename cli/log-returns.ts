/**
 * Log returns ln(close_t / close_{t−1}) of consecutive bars, skipping pairs where either close is
 * missing or not positive (so the series is all finite, as the bootstrap requires).
 *
 * @example
 * logReturns(Float64Array.of(100, 110, NaN, 121)); // [0.0953]
 */
export function logReturns(close: Float64Array): Float64Array {
	const out: number[] = [];
	for (let t = 1; t < close.length; t++) {
		const r = Math.log(close[t] / close[t - 1]);
		if (close[t] > 0 && close[t - 1] > 0 && Number.isFinite(r)) out.push(r);
	}
	return Float64Array.from(out);
}
