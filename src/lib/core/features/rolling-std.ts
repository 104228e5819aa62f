import { assertWindow } from './assert-window';
import { compensatedSum, squaredDeviationSum } from './compensated-sum';

/**
 * Rolling *sample* standard deviation over the last `window` values (divides by n − 1, like R's
 * `sd`, pandas' `rolling().std()` and TTR's `runSD`; TA-Lib's STDDEV divides by n):
 * s[i] = sqrt( Σ (x − mean)² / (w − 1) ) over x[i−w+1..i].
 *
 * Warm-up: `window − 1` rows (window ≥ 2). NaN rule: s[i] is NaN when any value in its window is not
 * finite; a missing value restarts the warm-up after it.
 *
 * Numerics: the textbook running sums Σx and Σx² cancel catastrophically when the mean is large
 * next to the spread (prices near 100 moving by 0.01). Instead the window's mean and M2 are updated
 * in O(1) per step with the sliding-window form of Welford's update (Welford 1962), and recomputed
 * exactly by the corrected two-pass formula every `window` steps so rounding drift cannot build up.
 * The cost stays O(n) (about twice a running sum).
 *
 * @example
 * rollingStd(Float64Array.of(1, 2, 3, 5), 3); // [NaN, NaN, 1, 1.5275…]
 */
export function rollingStd(values: Float64Array, window: number): Float64Array {
	assertWindow('rollingStd window', window, 2);
	const n = values.length;
	const out = new Float64Array(n).fill(NaN);
	let runStart = 0;
	let mean = 0;
	let m2 = 0;
	let sinceExact = window; // ≥ window forces an exact recomputation
	for (let i = 0; i < n; i++) {
		const x = values[i];
		if (!Number.isFinite(x)) {
			runStart = i + 1;
			sinceExact = window;
			continue;
		}
		if (i - runStart + 1 < window) continue;
		const start = i - window + 1;
		if (sinceExact >= window) {
			mean = compensatedSum(values, start, i + 1) / window;
			m2 = squaredDeviationSum(values, start, i + 1, mean);
			sinceExact = 0;
		} else {
			const old = values[start - 1];
			const d = x - old;
			const next = mean + d / window;
			m2 += d * (x - next + old - mean);
			mean = next;
		}
		sinceExact++;
		out[i] = Math.sqrt(Math.max(0, m2) / (window - 1));
	}
	return out;
}
