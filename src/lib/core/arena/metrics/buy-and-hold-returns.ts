/**
 * Per-bar returns of buying at the first close and holding, aligned with `SimulationResult.returns`:
 * 0 on bar 0, then close[t] / close[t − 1] − 1. The benchmark for `benchmarkComparison`.
 *
 * @example
 * buyAndHoldReturns(Float64Array.of(100, 110, 99)); // [0, 0.1, −0.1]
 */
export function buyAndHoldReturns(close: Float64Array): Float64Array {
	const out = new Float64Array(close.length);
	for (let t = 1; t < close.length; t++) out[t] = close[t] / close[t - 1] - 1;
	return out;
}
