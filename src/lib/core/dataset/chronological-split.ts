/** Half-open ranges [start, end) of sample indices. */
export interface Split {
	train: { start: number; end: number };
	test: { start: number; end: number };
}

/**
 * Splits time-ordered samples into a training head and a test tail, never shuffling across the
 * boundary: train = [0, ⌊samples × trainFraction⌋), test = [train end + gap, samples).
 *
 * **Embargo.** Neighbouring windowed samples share rows, so without a gap the first test windows
 * contain the rows of the last training windows and labels. With `gap = window` (in samples; the
 * usual choice), and r the last training row, the first test window starts at row r + 2 or later:
 * after row r + 1, the bar whose close defines the last training label of `nextLogReturn`. No test
 * input then overlaps any training input or label. This is the purge-and-embargo rule of López de
 * Prado, *Advances in Financial Machine Learning* (2018), ch. 7. Samples dropped by `makeWindows`
 * only widen the distance in rows, so a gap counted in samples is conservative.
 *
 * @throws RangeError when the fraction is outside (0, 1) or either part would be empty.
 * @example
 * chronologicalSplit(1000, 0.8, 32); // { train: { start: 0, end: 800 }, test: { start: 832, end: 1000 } }
 */
export function chronologicalSplit(samples: number, trainFraction: number, gap = 0): Split {
	if (!(trainFraction > 0 && trainFraction < 1)) {
		throw new RangeError(
			`chronologicalSplit: trainFraction must be in (0, 1), got ${trainFraction}`
		);
	}
	if (!Number.isInteger(gap) || gap < 0)
		throw new RangeError(`chronologicalSplit: gap must be an integer ≥ 0, got ${gap}`);
	const trainEnd = Math.floor(samples * trainFraction);
	const testStart = trainEnd + gap;
	if (trainEnd < 1 || testStart >= samples) {
		throw new RangeError(
			`chronologicalSplit: ${samples} samples leave ${trainEnd} to train and ${Math.max(0, samples - testStart)} to test after a gap of ${gap}`
		);
	}
	return { train: { start: 0, end: trainEnd }, test: { start: testStart, end: samples } };
}
