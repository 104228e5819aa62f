/** How many values at the start of a column are NaN (the warm-up an indicator actually produced). */
export function leadingNaNs(col: ArrayLike<number>): number {
	let i = 0;
	while (i < col.length && Number.isNaN(col[i])) i++;
	return i;
}
