import { describe, expect, it } from 'vitest';
import { formatLevel, formatNumber, formatPValue, formatProbability } from './verdict-format';

describe('verdict formats', () => {
	it('write levels as percentages, probabilities to 2 decimals, p-values to 3 or as p < 0.001', () => {
		expect(formatLevel(0.95)).toBe('95%');
		expect(formatLevel(0.975)).toBe('97.5%');
		expect(formatProbability(0.6234)).toBe('0.62');
		expect(formatPValue(0.01885)).toBe('p = 0.019');
		expect(formatPValue(0.00002)).toBe('p < 0.001');
	});
	it('write estimates to three significant digits with a true minus sign', () => {
		expect(formatNumber(0.04)).toBe('0.04');
		expect(formatNumber(-0.123456)).toBe('−0.123');
		expect(formatNumber(12.3456)).toBe('12.3');
	});
});
