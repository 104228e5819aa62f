import { describe, expect, it } from 'vitest';
import { normalCdf } from './normal-cdf';
import { probabilisticSharpeRatio } from './probabilistic-sharpe-ratio';

describe('probabilisticSharpeRatio', () => {
	it('computes Φ((ŜR − SR*)√(n − 1) / √(1 − γ₃ŜR + (γ₄ − 1)ŜR²/4)) with raw kurtosis', () => {
		// By hand: √100 = 10, variance term 1 + 0.1 + (5/4)(0.01) = 1.1125, z = 1/√1.1125 = 0.94809…;
		// Φ(z) from scipy.stats.norm.cdf.
		const psr = probabilisticSharpeRatio({ sharpe: 0.1, n: 101, skew: -1, kurtosis: 6 });
		expect(psr).toBeCloseTo(0.8284584164337799, 13);
	});
	it('reduces to Lo’s normal-returns variance 1 + ŜR²/2 when γ₃ = 0 and γ₄ = 3', () => {
		const psr = probabilisticSharpeRatio({
			sharpe: 0.08,
			benchmarkSharpe: 0.02,
			n: 500,
			skew: 0,
			kurtosis: 3
		});
		expect(psr).toBeCloseTo(normalCdf((0.06 * Math.sqrt(499)) / Math.sqrt(1 + 0.08 ** 2 / 2)), 15);
	});
	it('is ½ when the observed Sharpe equals the benchmark', () => {
		expect(
			probabilisticSharpeRatio({
				sharpe: 0.05,
				benchmarkSharpe: 0.05,
				n: 60,
				skew: -2,
				kurtosis: 9
			})
		).toBe(0.5);
	});
	it('penalises negative skew and fat tails for a positive Sharpe ratio', () => {
		const base = { sharpe: 0.1, n: 250 };
		const normal = probabilisticSharpeRatio({ ...base, skew: 0, kurtosis: 3 });
		expect(probabilisticSharpeRatio({ ...base, skew: -1, kurtosis: 3 })).toBeLessThan(normal);
		expect(probabilisticSharpeRatio({ ...base, skew: 0, kurtosis: 12 })).toBeLessThan(normal);
		expect(probabilisticSharpeRatio({ ...base, skew: 1, kurtosis: 3 })).toBeGreaterThan(normal);
	});
	it('grows with the track record length', () => {
		const psr = (n: number) => probabilisticSharpeRatio({ sharpe: 0.05, n, skew: 0, kurtosis: 3 });
		expect(psr(100)).toBeLessThan(psr(1000));
	});
	it('is NaN for n < 2, NaN input, or an impossible (non-positive) variance term', () => {
		expect(probabilisticSharpeRatio({ sharpe: 0.1, n: 1, skew: 0, kurtosis: 3 })).toBeNaN();
		expect(probabilisticSharpeRatio({ sharpe: NaN, n: 10, skew: 0, kurtosis: 3 })).toBeNaN();
		expect(probabilisticSharpeRatio({ sharpe: 1, n: 10, skew: 5, kurtosis: 1 })).toBeNaN();
	});
});
