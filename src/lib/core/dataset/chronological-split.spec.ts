import { describe, expect, it } from 'vitest';
import { chronologicalSplit } from './chronological-split';

describe('chronologicalSplit', () => {
	it('puts the first trainFraction of samples in train and the rest in test', () => {
		expect(chronologicalSplit(10, 0.7)).toEqual({
			train: { start: 0, end: 7 },
			test: { start: 7, end: 10 }
		});
	});
	it('leaves gap samples out between train and test', () => {
		expect(chronologicalSplit(1000, 0.8, 32)).toEqual({
			train: { start: 0, end: 800 },
			test: { start: 832, end: 1000 }
		});
	});
	it('with gap = window, keeps every test window clear of the last training window and its label', () => {
		// Consecutive samples: sample i predicts at row i + window − 1 and its label uses close at row i + window.
		const window = 8;
		const { train, test } = chronologicalSplit(200, 0.5, window);
		const lastTrainRow = train.end - 1 + window - 1;
		const firstTestWindowRow = test.start; // = (test.start + window − 1) − window + 1
		expect(firstTestWindowRow).toBeGreaterThan(lastTrainRow + 1);
	});
	it('refuses a fraction outside (0, 1)', () => {
		expect(() => chronologicalSplit(10, 1)).toThrow(RangeError);
		expect(() => chronologicalSplit(10, 0)).toThrow(RangeError);
	});
	it('refuses a split that leaves nothing to test', () => {
		expect(() => chronologicalSplit(10, 0.8, 2)).toThrow(
			'10 samples leave 8 to train and 0 to test after a gap of 2'
		);
	});
});
