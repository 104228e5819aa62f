import { describe, expect, it } from 'vitest';
import { CounterRng } from '../random/philox';
import { dieboldMariano } from './diebold-mariano';

const A = Float64Array.of(0.8, 1.3, 0.4, 2.1, 0.9, 1.7, 0.2, 1.1, 0.6, 1.9, 1.4, 0.3);
const B = Float64Array.of(1.0, 1.1, 0.9, 2.6, 1.2, 1.5, 0.7, 1.6, 0.5, 2.4, 1.3, 0.9);

describe('dieboldMariano', () => {
	it('computes DM and the HLN correction by hand for h = 1', () => {
		// d = A − B has mean −0.25 and Σ(d − d̄)² = 1.09, so V̂ = (1.09/12)/12 and DM = −0.25/√V̂;
		// HLN factor √((12 + 1 − 2)/12) = √(11/12).
		const r = dieboldMariano(A, B);
		const dm = -0.25 / Math.sqrt(1.09 / 144);
		expect(r.meanDifference).toBeCloseTo(-0.25, 14);
		expect(r.dmStatistic).toBeCloseTo(dm, 12);
		expect(r.statistic).toBeCloseTo(dm * Math.sqrt(11 / 12), 12);
		expect(r.df).toBe(11);
		expect(r.varianceEstimator).toBe('rectangular');
	});
	it('matches R (forecast::dm.test’s formula with acf and pt) for h = 1', () => {
		const r = dieboldMariano(A, B, { horizon: 1 });
		expect(r.dmStatistic).toBeCloseTo(-2.87347885566345429, 12);
		expect(r.statistic).toBeCloseTo(-2.75114654997685326, 12);
		expect(r.pValue).toBeCloseTo(0.0188519681867444985, 13);
		expect(r.pValueABetter).toBeCloseTo(0.0094259840933722493, 13);
		expect(r.pValueBBetter).toBeCloseTo(0.9905740159066277473, 13);
	});
	it('matches R for h = 2 (rectangular long-run variance up to lag 1)', () => {
		const r = dieboldMariano(A, B, { horizon: 2 });
		expect(r.dmStatistic).toBeCloseTo(-7.8783859715833522, 11);
		expect(r.statistic).toBeCloseTo(-6.8857674302468466, 11);
		expect(r.pValue / 2.6365725980113271e-5).toBeCloseTo(1, 10);
	});
	it('falls back to Bartlett weights when the rectangular variance is negative (h = 3), matching R', () => {
		const r = dieboldMariano(A, B, { horizon: 3 });
		expect(r.varianceEstimator).toBe('bartlett');
		expect(r.statistic).toBeCloseTo(-3.9167472590032024, 11);
		expect(r.pValue).toBeCloseTo(0.002406254258039542, 13);
	});
	it('rejects rarely when both forecasts are equally good (size ≈ 5% over 400 seeded samples)', () => {
		const rng = new CounterRng(8);
		let rejections = 0;
		for (let s = 0; s < 400; s++) {
			const a = Float64Array.from({ length: 60 }, () => rng.normal() ** 2);
			const b = Float64Array.from({ length: 60 }, () => rng.normal() ** 2);
			if (dieboldMariano(a, b).pValue < 0.05) rejections++;
		}
		expect(rejections / 400).toBeLessThan(0.09);
		expect(rejections / 400).toBeGreaterThan(0.02);
	});
	it('gives one-sided p-values that sum to 1 and a two-sided one twice the smaller', () => {
		const r = dieboldMariano(B, A);
		expect(r.pValueABetter + r.pValueBBetter).toBeCloseTo(1, 15);
		expect(r.pValue).toBeCloseTo(2 * Math.min(r.pValueABetter, r.pValueBBetter), 15);
		expect(r.pValueBBetter).toBeLessThan(0.05);
	});
	it('throws a RangeError for unequal lengths or a horizon ≥ n', () => {
		expect(() => dieboldMariano(A, B.subarray(1))).toThrow(RangeError);
		expect(() => dieboldMariano(A, B, { horizon: 12 })).toThrow(RangeError);
	});
});
