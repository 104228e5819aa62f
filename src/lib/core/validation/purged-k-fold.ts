/**
 * Purged k-fold cross-validation with an embargo (López de Prado, "Advances in Financial Machine
 * Learning", 2018, ch. 7.4). Sample i's label is computed from samples [i, i + horizon] (e.g. a
 * forward return over `horizon` bars). Folds are contiguous test blocks; a training sample is
 * - purged when its label interval overlaps the test block's label span
 *   `[testStart, testEnd − 1 + horizon]`, i.e. when `i + horizon ≥ testStart` and
 *   `i ≤ testEnd − 1 + horizon`;
 * - embargoed when it starts within `embargo` samples after that span,
 *   `testEnd − 1 + horizon < i ≤ testEnd − 1 + horizon + embargo`, because serial correlation
 *   leaks test information into the samples right after it.
 */
import type { IndexRange } from './walk-forward-splits';

export interface PurgedFold {
	test: IndexRange;
	/** Training sample indices, ascending. */
	train: number[];
	/** How many samples were dropped by purging and by the embargo. */
	purged: number;
	embargoed: number;
}

export interface PurgedKFoldOptions {
	samples: number;
	folds: number;
	/** Label horizon in samples (0: a label uses only its own sample). */
	horizon: number;
	/** Embargo length in samples after each test block's label span (LdP suggests ≈ 1% of samples). */
	embargo: number;
}

/**
 * Fold sizes follow numpy's `array_split`: the first `samples mod folds` folds get one extra sample.
 *
 * @example
 * purgedKFold({ samples: 10, folds: 2, horizon: 1, embargo: 1 });
 * // fold 0: test [0,5), train [7,8,9] (5 purged, 6 embargoed); fold 1: test [5,10), train [0,1,2,3]
 */
export function purgedKFold(o: PurgedKFoldOptions): PurgedFold[] {
	if (!Number.isInteger(o.folds) || o.folds < 2 || o.folds > o.samples) {
		throw new RangeError(`folds must be an integer in [2, ${o.samples}], got ${o.folds}`);
	}
	for (const [k, v] of Object.entries({ horizon: o.horizon, embargo: o.embargo })) {
		if (!Number.isInteger(v) || v < 0)
			throw new RangeError(`${k} must be an integer ≥ 0, got ${v}`);
	}
	const base = Math.floor(o.samples / o.folds);
	const extra = o.samples % o.folds;
	const folds: PurgedFold[] = [];
	let start = 0;
	for (let f = 0; f < o.folds; f++) {
		const end = start + base + (f < extra ? 1 : 0);
		const spanEnd = end - 1 + o.horizon;
		const train: number[] = [];
		let purged = 0;
		let embargoed = 0;
		for (let i = 0; i < o.samples; i++) {
			if (i >= start && i < end) continue;
			if (i + o.horizon >= start && i <= spanEnd) purged++;
			else if (i > spanEnd && i <= spanEnd + o.embargo) embargoed++;
			else train.push(i);
		}
		folds.push({ test: { start, end }, train, purged, embargoed });
		start = end;
	}
	return folds;
}
