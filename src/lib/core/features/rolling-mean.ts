import { assertWindow } from './assert-window';

/**
 * Rolling (simple moving) mean over the last `window` values, TA-Lib's SMA:
 * m[i] = (x[i−w+1] + … + x[i]) / w.
 *
 * Warm-up: `window − 1` rows. NaN rule: m[i] is NaN when any value in its window is not finite, so a
 * missing value restarts the warm-up after it.
 *
 * Numerics: an O(n) running sum that adds the new value and subtracts the one leaving the window,
 * both with Neumaier compensation. A plain running sum keeps every rounding error it ever made, at
 * the scale of the prices when it made them: on a million bars falling from 1e6 to 1 its last mean
 * was off by 4.4e-9 relative (see the spec); the compensated sum matched a fresh sum exactly.
 *
 * @example
 * rollingMean(Float64Array.of(1, 2, 3, 4), 2); // [NaN, 1.5, 2.5, 3.5]
 */
export function rollingMean(values: Float64Array, window: number): Float64Array {
	assertWindow('rollingMean window', window, 1);
	const n = values.length;
	const out = new Float64Array(n).fill(NaN);
	let sum = 0;
	let c = 0;
	let runStart = 0; // first index of the current run of finite values
	for (let i = 0; i < n; i++) {
		const x = values[i];
		if (!Number.isFinite(x)) {
			sum = 0;
			c = 0;
			runStart = i + 1;
			continue;
		}
		// Neumaier steps, inlined (as a closure over sum/c: 47 ms vs 9 ms median at 1M bars, Node 20):
		// add x, then remove the value that left the window.
		let t = sum + x;
		c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
		sum = t;
		if (i - window >= runStart) {
			const old = -values[i - window];
			t = sum + old;
			c += Math.abs(sum) >= Math.abs(old) ? sum - t + old : old - t + sum;
			sum = t;
		}
		if (i - runStart + 1 >= window) out[i] = (sum + c) / window;
	}
	return out;
}
