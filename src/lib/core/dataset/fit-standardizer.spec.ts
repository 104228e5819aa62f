import { describe, expect, it } from 'vitest';
import { fitStandardizer } from './fit-standardizer';
import { makeWindows } from './make-windows';

function windows(a: number[], b: number[], window = 2) {
	return makeWindows({
		features: [Float32Array.from(a), Float32Array.from(b)],
		target: new Float32Array(a.length),
		window
	});
}

describe('fitStandardizer', () => {
	it('gives the mean and population std of the training rows, per feature', () => {
		const w = windows([1, 2, 3, 4, 100, 200], [5, 5, 5, 5, 7, 9]);
		// Samples predict at rows 1 … 5; the first three (rows 1, 2, 3) are training.
		const s = fitStandardizer(w.x, w.nFeatures, 3, w.window);
		expect(Array.from(s.mean)).toEqual([3, 5]);
		expect(s.std[0]).toBeCloseTo(Math.sqrt(2 / 3), 12);
		expect(s.std[1]).toBe(1); // constant feature: centred, not divided by zero
	});
	it('ignores the test samples entirely (no look-ahead)', () => {
		const a = windows([1, 2, 3, 4, 5, 6], [1, 4, 9, 16, 25, 36]);
		const b = windows([1, 2, 3, 4, 1e6, -1e6], [1, 4, 9, 16, NaN, 0]);
		expect(fitStandardizer(b.x, 2, 3, 2)).toEqual(fitStandardizer(a.x, 2, 3, 2));
	});
	it('refuses more training samples than there are', () => {
		const w = windows([1, 2, 3], [1, 2, 3]);
		expect(() => fitStandardizer(w.x, 2, 3, 2)).toThrow(RangeError);
	});
});
