import { describe, expect, it } from 'vitest';
import { CounterRng } from '../random/philox';
import { expectedMaxSharpe } from './expected-max-sharpe';

describe('expectedMaxSharpe', () => {
	it('gives SR₀ ≈ 0.1132 per day for 100 trials with annualised V[SR] = ½ (Bailey & López de Prado 2014)', () => {
		const sr0 = expectedMaxSharpe({ trials: 100, trialSharpeVariance: 0.5 / 250 });
		expect(sr0).toBeCloseTo(0.1132, 4);
		// Independent computation with scipy.stats.norm.ppf: √0.002·(0.42278·2.32635 + 0.57722·2.68046).
		expect(sr0).toBeCloseTo(0.11317200186513214, 13);
	});
	it('approximates E[max of N standard normals] within 3% (exact values by numerical integration)', () => {
		// E[max] = ∫ x·N·φ(x)·Φ(x)^{N−1} dx, from scipy.integrate.quad.
		const exact: [number, number][] = [
			[10, 1.538752730835173],
			[100, 2.507593636441685],
			[1000, 3.241435769133427]
		];
		for (const [trials, eMax] of exact) {
			expect(
				Math.abs(expectedMaxSharpe({ trials, trialSharpeVariance: 1 }) / eMax - 1)
			).toBeLessThan(0.03);
		}
	});
	it('agrees with a seeded Monte Carlo maximum of 50 N(0, 0.04) Sharpe ratios within 3%', () => {
		const rng = new CounterRng(7);
		let total = 0;
		const reps = 4000;
		for (let r = 0; r < reps; r++) {
			let max = -Infinity;
			for (let k = 0; k < 50; k++) max = Math.max(max, 0.2 * rng.normal());
			total += max;
		}
		expect(
			Math.abs(expectedMaxSharpe({ trials: 50, trialSharpeVariance: 0.04 }) / (total / reps) - 1)
		).toBeLessThan(0.03);
	});
	it('is 0 for a single trial, grows with N, and is NaN for N < 1 or negative variance', () => {
		expect(expectedMaxSharpe({ trials: 1, trialSharpeVariance: 1 })).toBe(0);
		expect(expectedMaxSharpe({ trials: 20, trialSharpeVariance: 1 })).toBeLessThan(
			expectedMaxSharpe({ trials: 200, trialSharpeVariance: 1 })
		);
		expect(expectedMaxSharpe({ trials: 0.5, trialSharpeVariance: 1 })).toBeNaN();
		expect(expectedMaxSharpe({ trials: 10, trialSharpeVariance: -1 })).toBeNaN();
	});
});
