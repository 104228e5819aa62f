/**
 * Forward simple returns over `horizon` bars: close[t + h] / close[t] − 1 at bar t, NaN for the last
 * h bars — the target an IC pairs with a signal known at t's close.
 *
 * @example
 * forwardReturns(Float64Array.of(100, 110, 99), 1); // [0.1, −0.1, NaN]
 */
export function forwardReturns(close: Float64Array, horizon = 1): Float64Array {
	if (!(Number.isInteger(horizon) && horizon >= 1))
		throw new RangeError(`forwardReturns: horizon must be an integer ≥ 1, got ${horizon}`);
	const n = close.length;
	const out = new Float64Array(n).fill(NaN);
	for (let t = 0; t + horizon < n; t++) out[t] = close[t + horizon] / close[t] - 1;
	return out;
}
