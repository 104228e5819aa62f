import { describe, expect, it } from 'vitest';
import { countWeekdays } from './count-weekdays';
import { median } from './median';
import { modifiedZScores } from './modified-z-scores';
import { qualityScore } from './quality-score';

describe('modifiedZScores (Iglewicz & Hoaglin 1993)', () => {
	it('is 0.6745 · (x − median) / MAD', () => {
		const { z, median: m, mad } = modifiedZScores([1, 2, 3, 4, 100]);
		expect([m, mad]).toEqual([3, 1]);
		expect(Array.from(z)).toEqual([-1.349, -0.6745, 0, 0.6745, 97 * 0.6745]);
	});
	it('falls back to 1.253314 · mean absolute deviation when the MAD is 0', () => {
		const { z, mad } = modifiedZScores([5, 5, 5, 5, 10]);
		expect(mad).toBe(0);
		expect(z[4]).toBeCloseTo(5 / (1.253314 * 1), 10);
	});
	it('gives 0 for constant data and NaN for NaN', () => {
		expect(Array.from(modifiedZScores([2, 2, NaN]).z)).toEqual([0, 0, NaN]);
	});
});

describe('median', () => {
	it('ignores NaN and averages the two middle values of an even count', () => {
		expect(median([4, NaN, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNaN();
	});
});

describe('countWeekdays', () => {
	const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
	it('counts Monday to Friday in [from, to)', () => {
		expect(countWeekdays(day(2024, 1, 1), day(2024, 1, 8))).toBe(5);
		expect(countWeekdays(day(2024, 1, 6), day(2024, 1, 8))).toBe(0);
		expect(countWeekdays(day(2024, 1, 5), day(2024, 1, 31))).toBe(18);
		expect(countWeekdays(day(2024, 1, 8), day(2024, 1, 1))).toBe(0);
	});
});

describe('qualityScore', () => {
	const none = {
		invalidCells: 0,
		nonPositivePrices: 0,
		ohlcInconsistent: 0,
		duplicates: 0,
		nonMonotonic: 0,
		outliers: 0,
		gaps: 0,
		volume: 0
	};
	it('is 100 · (1 − Σ weight · share), floored at 0', () => {
		expect(qualityScore(none).score).toBe(100);
		expect(qualityScore({ ...none, invalidCells: 0.01 }).score).toBe(98);
		expect(qualityScore({ ...none, duplicates: 0.1, gaps: 0.05 }).score).toBe(85);
		expect(qualityScore({ ...none, nonPositivePrices: 0.9 }).score).toBe(0);
	});
	it('says how many points each finding cost', () => {
		expect(qualityScore({ ...none, volume: 0.1 }).penalties.volume).toBe(5);
	});
});
