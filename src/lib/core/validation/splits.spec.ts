import { describe, expect, it } from 'vitest';
import { purgedKFold } from './purged-k-fold';
import { walkForwardSplits } from './walk-forward-splits';

describe('walkForwardSplits', () => {
	it('expanding: trains on everything before the gap, tests on the next block, steps by the test size', () => {
		expect(walkForwardSplits({ samples: 10, trainSize: 4, testSize: 2, gap: 1 })).toEqual([
			{ train: { start: 0, end: 4 }, test: { start: 5, end: 7 } },
			{ train: { start: 0, end: 6 }, test: { start: 7, end: 9 } }
		]);
	});

	it('rolling: keeps the training window at trainSize; no test sample precedes its training samples', () => {
		const splits = walkForwardSplits({ samples: 12, trainSize: 4, testSize: 3, expanding: false });
		expect(splits.map((s) => [s.train.start, s.train.end, s.test.start, s.test.end])).toEqual([
			[0, 4, 4, 7],
			[3, 7, 7, 10]
		]);
	});
});

describe('purgedKFold (López de Prado 2018, ch. 7)', () => {
	it('purges training samples whose labels overlap the test span and embargoes the ones after it', () => {
		// horizon 1: sample i's label spans [i, i+1]. Fold 0 tests [0,5) → label span [0,5]:
		// sample 5 is purged (its label starts at 5), sample 6 is embargoed (embargo 1).
		// Fold 1 tests [5,10) → sample 4 is purged (its label [4,5] reaches 5); nothing follows.
		const [f0, f1] = purgedKFold({ samples: 10, folds: 2, horizon: 1, embargo: 1 });
		expect(f0).toEqual({ test: { start: 0, end: 5 }, train: [7, 8, 9], purged: 1, embargoed: 1 });
		expect(f1).toEqual({
			test: { start: 5, end: 10 },
			train: [0, 1, 2, 3],
			purged: 1,
			embargoed: 0
		});
	});

	it('with horizon 0 and no embargo it is plain contiguous k-fold (sizes as numpy.array_split)', () => {
		const folds = purgedKFold({ samples: 7, folds: 3, horizon: 0, embargo: 0 });
		expect(folds.map((f) => [f.test.start, f.test.end])).toEqual([
			[0, 3],
			[3, 5],
			[5, 7]
		]);
		expect(folds[1].train).toEqual([0, 1, 2, 5, 6]);
	});

	it('no training label ever overlaps a test label, for any fold', () => {
		const horizon = 3;
		for (const f of purgedKFold({ samples: 50, folds: 5, horizon, embargo: 2 })) {
			for (const i of f.train) {
				const overlaps = i + horizon >= f.test.start && i <= f.test.end - 1 + horizon;
				expect(overlaps).toBe(false);
			}
		}
	});
});
