import { describe, expect, it } from 'vitest';
import { totalReturn } from './total-return';

describe('totalReturn', () => {
	it('is last / first − 1', () => {
		expect(totalReturn(Float64Array.of(1, 1.2, 0.9, 1.1))).toBeCloseTo(0.1, 15);
		expect(totalReturn(Float64Array.of(2, 1))).toBe(-0.5);
	});
	it('is NaN for an empty curve', () => {
		expect(totalReturn(new Float64Array(0))).toBeNaN();
	});
});
