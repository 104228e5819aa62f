import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantile-sorted';

describe('quantileSorted', () => {
	it('interpolates between order statistics like R quantile(type = 7)', () => {
		// R: quantile(c(1, 2, 4, 8, 16), c(0.025, 0.5, 0.9)) → 1.1, 4, 12.8
		const x = Float64Array.of(1, 2, 4, 8, 16);
		expect(quantileSorted(x, 0.025)).toBeCloseTo(1.1, 14);
		expect(quantileSorted(x, 0.5)).toBe(4);
		expect(quantileSorted(x, 0.9)).toBeCloseTo(12.8, 14);
		expect(quantileSorted(x, 1)).toBe(16);
	});
	it('is NaN for an empty array or p outside [0, 1]', () => {
		expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
		expect(quantileSorted(Float64Array.of(1), 1.5)).toBeNaN();
	});
});
