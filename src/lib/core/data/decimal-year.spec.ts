import { describe, expect, it } from 'vitest';
import { decimalYearToMs, readDecimalYear } from './decimal-year';

describe('decimalYearToMs', () => {
	it('maps a whole year to its first instant, UTC', () => {
		expect(decimalYearToMs(1991)).toBe(Date.UTC(1991, 0, 1));
	});
	it('adds the fraction times that year’s length (365 or 366 days)', () => {
		expect(decimalYearToMs(2023.5)).toBe(Date.UTC(2023, 6, 2, 12));
		expect(decimalYearToMs(2024.5)).toBe(Date.UTC(2024, 6, 2));
	});
	it('is increasing across a year boundary', () => {
		expect(decimalYearToMs(1991.999)).toBeLessThan(decimalYearToMs(1992));
	});
});

describe('readDecimalYear', () => {
	it('reads numbers from 1000 to 3000 only', () => {
		expect(readDecimalYear('1991.49615384615')).toBe(decimalYearToMs(1991.49615384615));
		expect(readDecimalYear('1706659200')).toBeNull();
		expect(readDecimalYear('abc')).toBeNull();
	});
});
