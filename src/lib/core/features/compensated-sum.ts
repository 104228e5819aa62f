/**
 * The rounding error of t = s + v (t the floating-point sum), exactly: Neumaier's branch of
 * Fast2Sum. Running sums add it to a separate compensation term; with the same operations in the
 * same order as `RollingSumState`, batch loops keep the streaming kernels' bits.
 *
 * @example
 * const t = 1 + 1e-17; // 1
 * additionError(1, 1e-17, t); // 1e-17
 */
export function additionError(s: number, v: number, t: number): number {
	return Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
}

/**
 * Neumaier's compensated sum of values[start..end) (Neumaier 1974, "Rundungsfehleranalyse einiger
 * Verfahren zur Summation endlicher Summen"): the error is about one rounding of the result,
 * independent of the number of terms.
 */
export function compensatedSum(values: Float64Array, start: number, end: number): number {
	let sum = 0;
	let c = 0;
	for (let i = start; i < end; i++) {
		const x = values[i];
		const t = sum + x;
		c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
		sum = t;
	}
	return sum + c;
}

/**
 * Σ (x − centre)² over values[start..end) by the corrected two-pass formula of Chan, Golub &
 * LeVeque (1983, "Algorithms for computing the sample variance"): Σd² − (Σd)²/n, where the second
 * term removes the error left by a slightly wrong `centre`.
 */
export function squaredDeviationSum(
	values: Float64Array,
	start: number,
	end: number,
	centre: number
): number {
	let sum2 = 0;
	let sum1 = 0;
	for (let i = start; i < end; i++) {
		const d = values[i] - centre;
		sum2 += d * d;
		sum1 += d;
	}
	return Math.max(0, sum2 - (sum1 * sum1) / (end - start));
}
