import { describe, expect, it } from 'vitest';
import { buyAndHold } from './buy-and-hold';

describe('buyAndHold', () => {
	it('tracks close / close[index[0]] from 1, one bar after each decision', () => {
		const e = buyAndHold(Float64Array.of(100, 110, 99, 121), Int32Array.of(0, 1, 2));
		expect(Array.from(e)).toEqual([1, 1.1, 0.99, 1.21]);
	});
	it('holds through gaps in the index', () => {
		const e = buyAndHold(Float64Array.of(50, 100, 110, 99, 121), Int32Array.of(1, 3));
		expect(Array.from(e)).toEqual([1, 1.1, 1.21]);
	});
	it('pays one entry fee', () => {
		const e = buyAndHold(Float64Array.of(100, 200), Int32Array.of(0), 100);
		expect(e[1]).toBeCloseTo(1.98, 14);
	});
});
