/**
 * Walk-forward (rolling-origin) evaluation splits, in sample indices: train on the past, test on
 * the block that follows, move forward by the test size. Pure; half-open ranges `[start, end)`.
 */

export interface IndexRange {
	start: number;
	end: number;
}

export interface WalkForwardSplit {
	train: IndexRange;
	test: IndexRange;
}

export interface WalkForwardOptions {
	samples: number;
	/** Training samples in the first (or every, when not expanding) split. */
	trainSize: number;
	testSize: number;
	/** Samples dropped between train and test, at least the label horizon minus 1 (default 0). */
	gap?: number;
	/** Grow the training window from sample 0 (default) or roll it at a fixed size. */
	expanding?: boolean;
}

/**
 * @example
 * walkForwardSplits({ samples: 10, trainSize: 4, testSize: 2, gap: 1 });
 * // [{ train: [0,4), test: [5,7) }, { train: [0,6), test: [7,9) }]
 */
export function walkForwardSplits(o: WalkForwardOptions): WalkForwardSplit[] {
	const gap = o.gap ?? 0;
	const expanding = o.expanding ?? true;
	for (const [k, v] of Object.entries({
		samples: o.samples,
		trainSize: o.trainSize,
		testSize: o.testSize
	})) {
		if (!Number.isInteger(v) || v < 1)
			throw new RangeError(`${k} must be a positive integer, got ${v}`);
	}
	if (!Number.isInteger(gap) || gap < 0)
		throw new RangeError(`gap must be an integer ≥ 0, got ${gap}`);
	const splits: WalkForwardSplit[] = [];
	for (
		let trainEnd = o.trainSize;
		trainEnd + gap + o.testSize <= o.samples;
		trainEnd += o.testSize
	) {
		const testStart = trainEnd + gap;
		splits.push({
			train: { start: expanding ? 0 : trainEnd - o.trainSize, end: trainEnd },
			test: { start: testStart, end: testStart + o.testSize }
		});
	}
	return splits;
}
