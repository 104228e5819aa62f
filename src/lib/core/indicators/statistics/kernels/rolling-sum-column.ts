/**
 * Batch twin of `RollingSum` / `RollingSumState` over rows [start, end) of a column: the same
 * Neumaier-compensated add-then-remove in the same order, so every value matches the streaming
 * kernels bit for bit. Writes (sum + compensation) / divisor to `out` (NaN until `window` finite
 * values since the last non-finite one, which empties the window, as the kernels do).
 *
 * @example
 * const out = new Float64Array(3);
 * rollingSumColumn(Float64Array.of(1, 2, 3), 0, 3, 2, out); // out = [NaN, 3, 5]
 */
export function rollingSumColumn(
	x: Float64Array,
	start: number,
	end: number,
	window: number,
	out: Float64Array,
	divisor = 1
): void {
	let count = 0;
	let sum = 0;
	let c = 0;
	for (let i = start; i < end; i++) {
		const v = x[i];
		if (!Number.isFinite(v)) {
			count = 0;
			sum = 0;
			c = 0;
			out[i] = NaN;
			continue;
		}
		let t = sum + v;
		c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
		sum = t;
		if (count >= window) {
			// The value leaving entered `window` rows ago, in this same finite run.
			const old = -x[i - window];
			t = sum + old;
			c += Math.abs(sum) >= Math.abs(old) ? sum - t + old : old - t + sum;
			sum = t;
		} else {
			count++;
		}
		out[i] = count >= window ? (sum + c) / divisor : NaN;
	}
}
