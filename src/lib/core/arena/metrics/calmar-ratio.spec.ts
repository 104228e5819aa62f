import { describe, expect, it } from 'vitest';
import { calmarRatio } from './calmar-ratio';

describe('calmarRatio', () => {
	it('is CAGR over the maximum drawdown', () => {
		expect(calmarRatio(0.12, 0.2)).toBeCloseTo(0.6, 15);
	});
	it('is null without a drawdown or a CAGR', () => {
		expect(calmarRatio(0.1, 0)).toBeNull();
		expect(calmarRatio(null, 0.1)).toBeNull();
	});
});
