/**
 * Uncertainty coverage: how often the outcome falls inside a predicted interval, and how wide the
 * intervals are (the sharpness that coverage trades against; Gneiting & Raftery 2007).
 */

/**
 * @example
 * intervalCoverage([1, 5, 3], [0, 0, 0], [2, 4, 4]); // { coverage: 2/3, meanWidth: 10/3, count: 3 }
 */
export function intervalCoverage(
	target: ArrayLike<number>,
	lower: ArrayLike<number>,
	upper: ArrayLike<number>
): { coverage: number; meanWidth: number; count: number } {
	if (target.length !== lower.length || target.length !== upper.length) {
		throw new RangeError('target, lower and upper differ in length');
	}
	let inside = 0;
	let width = 0;
	for (let i = 0; i < target.length; i++) {
		if (target[i] >= lower[i] && target[i] <= upper[i]) inside++;
		width += upper[i] - lower[i];
	}
	const n = target.length;
	return { coverage: n ? inside / n : NaN, meanWidth: n ? width / n : NaN, count: n };
}
