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
	const out = new Float64Array(values.length);
	rollingMeanM2(values, window, null, out);
	for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(out[i] / (window - 1));
	return out;
}

/**
 * The sliding core of `rollingStd` (and of Bollinger's batch path): for each row, the window's mean
 * (into `mean`, when given) and M2 = Σ (x − mean)² clamped at 0 (into `m2`), NaN until `window`
 * finite values follow the last non-finite one. The operations of `RollingVariance`, in its order,
 * so the streams have the same bits.
 */
export function rollingMeanM2(
	values: Float64Array,
	window: number,
	mean: Float64Array | null,
	m2: Float64Array
): void {
	let runStart = 0;
	let mu = 0;
	let sq = 0;
	let sinceExact = window; // ≥ window forces an exact recomputation
	for (let i = 0; i < values.length; i++) {
		const x = values[i];
		if (!Number.isFinite(x)) {
			runStart = i + 1;
			sinceExact = window;
		}
		if (i - runStart + 1 < window) {
			if (mean) mean[i] = NaN;
			m2[i] = NaN;
			continue;
		}
		const start = i - window + 1;
		if (sinceExact >= window) {
			mu = compensatedSum(values, start, i + 1) / window;
			sq = squaredDeviationSum(values, start, i + 1, mu);
			sinceExact = 0;
		} else {
			const old = values[start - 1];
			const d = x - old;
			const next = mu + d / window;
			sq += d * (x - next + old - mu);
			mu = next;
		}
		sinceExact++;
		if (mean) mean[i] = mu;
		m2[i] = Math.max(0, sq);
	}
}
