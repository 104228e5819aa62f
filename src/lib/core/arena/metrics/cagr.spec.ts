import { describe, expect, it } from 'vitest';
import { cagr } from './cagr';

describe('cagr', () => {
	it('is (end / start)^(periodsPerYear / periods) − 1', () => {
		expect(cagr(1, 1.21, 504, 252)).toBeCloseTo(0.1, 14);
		expect(cagr(100, 50, 126, 252)).toBeCloseTo(-0.75, 14);
	});
	it('is −1 after ruin and null without periods', () => {
		expect(cagr(1, -0.2, 10, 252)).toBe(-1);
		expect(cagr(1, 1.1, 0, 252)).toBeNull();
	});
});
