import { describe, expect, it } from 'vitest';
import { median } from './median';

/** The definition: sort the finite values, take the middle one or the mean of the two middle ones. */
function sortedMedian(values: number[]): number {
	const sorted = Float64Array.from(values).filter(Number.isFinite).sort();
	const n = sorted.length;
	if (n === 0) return NaN;
	const mid = n >> 1;
	return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

describe('median (selection, not sorting)', () => {
	it.each([
		[[3, 1, NaN, 2], 2],
		[[1, 2, 3, 4], 2.5],
		[[], NaN],
		[[NaN, Infinity], NaN],
		[[5], 5],
		[[-0, 0], 0],
		[[-0, -0, 0], -0],
		[[0, -0, -0, 0], 0]
	])('median(%j) is %s', (values, expected) => {
		expect(Object.is(median(values), expected)).toBe(true);
		expect(Object.is(median(values), sortedMedian(values))).toBe(true);
	});

	it('equals the sorted median on random, tied and pre-sorted arrays', () => {
		let s = 7;
		const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
		for (let k = 0; k < 300; k++) {
			const n = 1 + Math.floor(next() * 200);
			const kind = k % 4;
			const values = Array.from({ length: n }, (_, i) =>
				kind === 0 ? next() - 0.5 : kind === 1 ? Math.floor(next() * 3) : kind === 2 ? i : n - i
			);
			if (k % 5 === 0) values.push(NaN, -Infinity);
			expect(median(values)).toBe(sortedMedian(values));
		}
	});
});
