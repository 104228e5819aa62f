/**
 * The median of the finite values (NaN when there are none): the middle one, or the mean of the two
 * middle ones. Sorts a copy.
 *
 * @example
 * median([3, 1, NaN, 2]); // 2
 */
export function median(values: ArrayLike<number>): number {
	const sorted = Float64Array.from(values).filter(Number.isFinite).sort();
	const n = sorted.length;
	if (n === 0) return NaN;
	const mid = n >> 1;
	return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
