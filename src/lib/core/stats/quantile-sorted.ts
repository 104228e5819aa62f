/**
 * The p-quantile of ascending-sorted values by linear interpolation between order statistics:
 * h = (n − 1)·p, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) — Hyndman & Fan, "Sample Quantiles in
 * Statistical Packages", *The American Statistician* 50(4), 1996, definition 7 (R's default,
 * `d3.quantileSorted`, NumPy's 'linear').
 *
 * NaN for an empty array or p outside [0, 1]; the caller sorts and removes NaN.
 *
 * @example
 * quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5); // 2.5
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
	const n = sorted.length;
	if (n === 0 || !(p >= 0 && p <= 1)) return NaN;
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	if (lo >= n - 1) return sorted[n - 1];
	return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}
