/**
 * The threshold policy: long (+1) when the predicted return is above `threshold`, short (−1) when it
 * is below `−threshold`, flat (0) otherwise — including exactly at ±threshold and for NaN
 * predictions (no forecast, no position). A threshold above the round-trip cost keeps the policy out
 * of trades whose expected edge the fees would eat.
 *
 * @param threshold ≥ 0, in the units of the predictions (e.g. a next-bar log return).
 * @example
 * thresholdPositions(Float32Array.of(0.002, -0.0005, -0.003, NaN), 0.001); // Float64Array [1, 0, -1, 0]
 */
export function thresholdPositions(
	predictions: Float64Array | Float32Array,
	threshold: number
): Float64Array {
	if (!(threshold >= 0))
		throw new RangeError(`thresholdPositions: threshold must be ≥ 0, got ${threshold}`);
	return Float64Array.from(predictions, (p) => (p > threshold ? 1 : p < -threshold ? -1 : 0));
}
