import { describe, expect, it } from 'vitest';
import { deflatedSharpeRatio } from './deflated-sharpe-ratio';
import { probabilisticSharpeRatio } from './probabilistic-sharpe-ratio';

/** The numerical example of Bailey & López de Prado (2014), §"A numerical example", in daily units. */
const PAPER = {
	sharpe: 2.5 / Math.sqrt(250),
	n: 1250,
	skew: -3,
	kurtosis: 10,
	trials: 100,
	trialSharpeVariance: 0.5 / 250
};

describe('deflatedSharpeRatio', () => {
	it('reproduces the paper’s worked example: DSR ≈ 0.9004', () => {
		expect(deflatedSharpeRatio(PAPER)).toBeCloseTo(0.9004, 4);
	});
	it('matches an independent scipy computation of the same example to 1e-12', () => {
		// scipy: z = (0.158114 − 0.113172)·√1249 / √(1 + 3·0.158114 + 9/4·0.158114²) = 1.28382; Φ(z).
		expect(deflatedSharpeRatio(PAPER)).toBeCloseTo(0.9003968344493903, 12);
	});
	it('equals PSR against zero when there was only one trial', () => {
		const { trials: _, trialSharpeVariance: __, ...rest } = PAPER;
		expect(deflatedSharpeRatio({ ...PAPER, trials: 1 })).toBe(probabilisticSharpeRatio(rest));
	});
	it('deflates more as the number of trials grows', () => {
		const dsr10 = deflatedSharpeRatio({ ...PAPER, trials: 10 });
		const dsr1000 = deflatedSharpeRatio({ ...PAPER, trials: 1000 });
		expect(dsr10).toBeGreaterThan(deflatedSharpeRatio(PAPER));
		expect(dsr1000).toBeLessThan(deflatedSharpeRatio(PAPER));
	});
	it('is NaN when the trial count is below 1', () => {
		expect(deflatedSharpeRatio({ ...PAPER, trials: 0 })).toBeNaN();
	});
});
