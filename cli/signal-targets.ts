/**
 * Target positions from a signal: +1 (long) where it is above `threshold`, −1 (short) where it is
 * below −threshold, else 0 (flat). NaN (warm-up, missing data) is flat.
 *
 * @example
 * signalTargets(Float64Array.of(0.2, -0.2, 0.05, NaN), 0.1); // [1, -1, 0, 0]
 */
export function signalTargets(signal: Float64Array, threshold: number): Float64Array {
	return signal.map((s) => (s > threshold ? 1 : s < -threshold ? -1 : 0));
}
