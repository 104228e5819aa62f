import { describe, expect, it } from 'vitest';
import { maxDrawdown } from './max-drawdown';

describe('maxDrawdown', () => {
	it('finds the largest fall from a running peak, with its peak and trough', () => {
		// Falls: 1.5 → 0.75 is 50%; 2 → 1.8 is 10%.
		expect(maxDrawdown(Float64Array.of(1, 1.5, 0.75, 1.2, 2, 1.8))).toEqual({
			maxDrawdown: 0.5,
			peak: 1,
			trough: 2
		});
	});
	it('measures from the peak, not from the start', () => {
		const dd = maxDrawdown(Float64Array.of(1, 4, 3, 5, 2, 6));
		expect(dd.maxDrawdown).toBeCloseTo(0.6, 15);
		expect([dd.peak, dd.trough]).toEqual([3, 4]);
	});
	it('is 0 for a curve that never falls', () => {
		expect(maxDrawdown(Float64Array.of(1, 1, 1.1, 1.3))).toEqual({
			maxDrawdown: 0,
			peak: 0,
			trough: 0
		});
	});
	it('is 1 for a curve that hits zero', () => {
		expect(maxDrawdown(Float64Array.of(1, 2, 0)).maxDrawdown).toBe(1);
	});
	it('is NaN for an empty curve', () => {
		expect(maxDrawdown(new Float64Array(0))).toEqual({ maxDrawdown: NaN, peak: -1, trough: -1 });
	});
});
