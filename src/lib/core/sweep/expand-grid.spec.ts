import { describe, expect, it } from 'vitest';
import { expandGrid } from './expand-grid';

describe('expandGrid', () => {
	it('expandGrid(grid) lists every combination, the last key varying fastest', () => {
		expect(expandGrid({ fast: [5, 10], slow: [50, 100], band: [0] })).toEqual([
			{ fast: 5, slow: 50, band: 0 },
			{ fast: 5, slow: 100, band: 0 },
			{ fast: 10, slow: 50, band: 0 },
			{ fast: 10, slow: 100, band: 0 }
		]);
	});

	it('has |A| × |B| × |C| combinations', () => {
		const grid = { a: [1, 2, 3], b: [1, 2, 3, 4], c: [0.5, 1] };
		expect(expandGrid(grid)).toHaveLength(24);
	});

	it('gives no combinations when a key has no values, and one empty one for an empty grid', () => {
		expect(expandGrid({ a: [1, 2], b: [] })).toEqual([]);
		expect(expandGrid({})).toEqual([{}]);
	});

	it('rejects a non-finite value', () => {
		expect(() => expandGrid({ n: [14, NaN] })).toThrow(/n has value NaN/);
	});
});
