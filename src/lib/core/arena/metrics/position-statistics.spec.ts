import { describe, expect, it } from 'vitest';
import { averageTradeDuration } from './average-trade-duration';
import { exposure } from './exposure';
import { turnover } from './turnover';

describe('turnover', () => {
	it('sums notional over the equity before each bar, annualised', () => {
		// Bar 0 trades 1 on equity 1; bar 3 trades 1.5 on equity 1.5 (close of bar 2): 2 over 4 bars.
		const t = turnover(Float64Array.of(1, 0, 0, 1.5), Float64Array.of(1, 1.2, 1.5, 1.4), 1, 252);
		expect(t).toBeCloseTo((2 * 252) / 4, 12);
	});
	it('is null for no bars', () => {
		expect(turnover(new Float64Array(0), new Float64Array(0), 1, 252)).toBeNull();
	});
});

describe('exposure', () => {
	it('is the share of bars ending with a long or short position', () => {
		expect(exposure(Float64Array.of(0, 1, -2, 0))).toBe(0.5);
		expect(exposure(new Float64Array(0))).toBeNull();
	});
});

describe('averageTradeDuration', () => {
	it('is the mean of exit bar − entry bar over the first `count` trades', () => {
		expect(averageTradeDuration(Int32Array.of(0, 10, 99), Int32Array.of(4, 12, 0), 2)).toBe(3);
		expect(averageTradeDuration(new Int32Array(0), new Int32Array(0), 0)).toBeNull();
	});
});
