/** The quantile levels every Monte Carlo metric reports. */
export const QUANTILE_LEVELS = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99] as const;

export interface MetricSummary {
	mean: number;
	/** Sample standard deviation (n − 1); 0 for one path. */
	std: number;
	/** Values at QUANTILE_LEVELS, same order: p1, p5, p25, p50, p75, p95, p99. */
	quantiles: number[];
}

/**
 * Quantile p of ascending-sorted values by linear interpolation between order statistics
 * (Hyndman & Fan 1996, type 7; what d3.quantile and NumPy's default do).
 */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, n - 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Quantiles of `values` (sorted in place: pass a copy if the order matters). */
export function quantilesInPlace(values: Float64Array | Float32Array): number[] {
	values.sort();
	return QUANTILE_LEVELS.map((p) => sortedQuantile(values, p));
}

/** Mean and sample std from a count, Σx and Σx² (f64 accumulators); clamps tiny negative variances. */
export function momentsFromSums(
	n: number,
	sum: number,
	sumSq: number
): { mean: number; std: number } {
	const mean = n > 0 ? sum / n : NaN;
	const variance = n > 1 ? Math.max(0, (sumSq - sum * mean) / (n - 1)) : 0;
	return { mean, std: Math.sqrt(variance) };
}

/**
 * Mean, sample std and quantiles of one metric over all paths. Sorts `values` in place.
 *
 * @example
 * summarizeMetric(Float64Array.of(3, 1, 2)).quantiles[3]; // 2 (the median)
 */
export function summarizeMetric(values: Float64Array | Float32Array): MetricSummary {
	const n = values.length;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += values[i];
	const mean = n > 0 ? sum / n : NaN;
	let m2 = 0;
	for (let i = 0; i < n; i++) m2 += (values[i] - mean) ** 2;
	return { mean, std: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0, quantiles: quantilesInPlace(values) };
}
