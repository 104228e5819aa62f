/**
 * Close-to-close simple returns: out[t] = close[t + 1] / close[t] − 1 for t = 0 … n − 2, and NaN
 * where either close is missing, non-finite or ≤ 0 — a bar a sweep cannot trade (a gap).
 *
 * @example
 * barReturns(Float64Array.of(100, 110, NaN, 99)); // Float64Array [0.1, NaN, NaN]
 */
export function barReturns(close: Float64Array): Float64Array {
	const out = new Float64Array(Math.max(close.length - 1, 0));
	for (let t = 0; t < out.length; t++) {
		const a = close[t];
		const b = close[t + 1];
		out[t] = a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b) ? b / a - 1 : NaN;
	}
	return out;
}
