/**
 * The forecasting target: y[t] = ln(close[t+1] / close[t]), the log return of the bar *after* t, so a
 * model that sees features up to row t predicts something it cannot yet know. The last row has no
 * next bar and is NaN (and `makeWindows` drops it). Computed in f64, stored in f32 for the model.
 *
 * @example
 * nextLogReturn(Float64Array.of(100, 110, 99)); // Float32Array [ln 1.1, ln 0.9, NaN]
 */
export function nextLogReturn(close: Float64Array | Float32Array): Float32Array {
	const n = close.length;
	const y = new Float32Array(n);
	for (let t = 0; t + 1 < n; t++) y[t] = Math.log(close[t + 1] / close[t]);
	if (n > 0) y[n - 1] = NaN;
	return y;
}
