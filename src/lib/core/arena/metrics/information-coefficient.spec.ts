import { describe, expect, it } from 'vitest';
import { forwardReturns } from './forward-returns';
import { informationCoefficient } from './information-coefficient';
import { pearsonCorrelation } from './pearson-correlation';
import { averageRanks, rankInformationCoefficient } from './rank-information-coefficient';

describe('informationCoefficient', () => {
	it('is the Pearson correlation of signal and forward return over finite pairs', () => {
		// x̄ = 2, ȳ = 13/3: Σdxdy = 5, Σdx² = 2, Σdy² = 38/3.
		const ic = informationCoefficient(Float64Array.of(1, 2, 3, NaN), Float64Array.of(2, 4, 7, 1));
		expect(ic).toBeCloseTo(5 / Math.sqrt(2 * (38 / 3)), 14);
	});
	it('is null for a constant signal or fewer than two pairs', () => {
		expect(informationCoefficient(Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 3))).toBeNull();
		expect(pearsonCorrelation(Float64Array.of(1, NaN), Float64Array.of(1, 2))).toBeNull();
	});
});

describe('rankInformationCoefficient', () => {
	it('is 1 for any increasing relation and −1 for any decreasing one', () => {
		const x = Float64Array.of(1, 2, 3, 4);
		expect(rankInformationCoefficient(x, Float64Array.of(0.1, 5, 9, 1e6))).toBeCloseTo(1, 15);
		expect(rankInformationCoefficient(x, Float64Array.of(4, 3, -9, -10))).toBeCloseTo(-1, 15);
	});
	it('gives ties their mean rank, as Spearman with mid-ranks', () => {
		expect(
			Array.from(averageRanks(Float64Array.of(5, 1, 5, 3), Float64Array.of(1, 1, 1, 1)))
		).toEqual([3.5, 1, 3.5, 2]);
		// Ranks x (1, 2.5, 2.5, 4) and y (1, 3, 2, 4): 1 − 6Σd²/(n(n²−1)) does not hold with ties,
		// so compare with the Pearson correlation of the ranks directly.
		const rho = rankInformationCoefficient(
			Float64Array.of(1, 2, 2, 3),
			Float64Array.of(1, 3, 2, 4)
		);
		expect(rho).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 14);
	});
});

describe('forwardReturns', () => {
	it('is close[t + h] / close[t] − 1, NaN for the last h bars', () => {
		expect(Array.from(forwardReturns(Float64Array.of(100, 110, 99), 1))).toEqual([
			expect.closeTo(0.1, 15),
			expect.closeTo(-0.1, 15),
			NaN
		]);
		expect(Array.from(forwardReturns(Float64Array.of(100, 110, 121), 2))).toEqual([
			expect.closeTo(0.21, 15),
			NaN,
			NaN
		]);
	});
});
