/**
 * Σ |x[j] − m| over j in [from, from + count), in time order, as four interleaved partial sums
 * combined as (s₀ + s₁) + (s₂ + s₃): CCI's mean deviation is O(n) per bar, and one running sum
 * makes every add wait for the last (~4 cycles each); four independent ones run together. Both CCI
 * paths call this on the same values in the same order, so they agree bit for bit.
 *
 * @example
 * absDeviationSum(Float64Array.of(1, 2, 3), 0, 3, 2); // 2
 */
export function absDeviationSum(x: Float64Array, from: number, count: number, m: number): number {
	const end = from + count;
	let s0 = 0;
	let s1 = 0;
	let s2 = 0;
	let s3 = 0;
	let j = from;
	for (; j + 4 <= end; j += 4) {
		s0 += Math.abs(x[j] - m);
		s1 += Math.abs(x[j + 1] - m);
		s2 += Math.abs(x[j + 2] - m);
		s3 += Math.abs(x[j + 3] - m);
	}
	// The last one to three values go to s₀, s₁, s₂ in turn, as the next round would have put them.
	if (j < end) s0 += Math.abs(x[j] - m);
	if (j + 1 < end) s1 += Math.abs(x[j + 1] - m);
	if (j + 2 < end) s2 += Math.abs(x[j + 2] - m);
	return s0 + s1 + (s2 + s3);
}
