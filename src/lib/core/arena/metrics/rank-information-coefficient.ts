import { pearsonCorrelation } from './pearson-correlation';

/**
 * Ranks 1…n of the finite values of `x` (NaN where not finite, or where the paired `y` is not),
 * ties sharing the average of their ranks (the mid-rank convention).
 */
export function averageRanks(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
	const n = Math.min(x.length, y.length);
	const ranks = new Float64Array(n).fill(NaN);
	const order: number[] = [];
	for (let i = 0; i < n; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) order.push(i);
	order.sort((a, b) => x[a] - x[b]);
	for (let start = 0; start < order.length;) {
		let end = start + 1;
		while (end < order.length && x[order[end]] === x[order[start]]) end++;
		const rank = (start + 1 + end) / 2; // mean of ranks start + 1 … end
		for (let k = start; k < end; k++) ranks[order[k]] = rank;
		start = end;
	}
	return ranks;
}

/**
 * Rank information coefficient: Spearman's rank correlation between a signal and forward returns —
 * the Pearson correlation of their mid-ranks over the pairs where both are finite (Spearman, "The
 * Proof and Measurement of Association between Two Things", *American Journal of Psychology* 15(1),
 * 1904). Robust to outliers and to monotone transforms of the signal.
 *
 * @returns null for fewer than two pairs or when either side is constant.
 * @example
 * rankInformationCoefficient(Float64Array.of(1, 2, 3), Float64Array.of(0.1, 5, 9)); // 1
 */
export function rankInformationCoefficient(
	signal: ArrayLike<number>,
	forward: ArrayLike<number>
): number | null {
	return pearsonCorrelation(averageRanks(signal, forward), averageRanks(forward, signal));
}
