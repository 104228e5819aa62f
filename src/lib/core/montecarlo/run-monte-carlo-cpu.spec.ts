import { describe, expect, it } from 'vitest';
import { resolveConfig, type MonteCarloConfig } from './config';
import { runMonteCarloCpu, simulatePaths } from './run-monte-carlo-cpu';

const config: MonteCarloConfig = {
	model: { kind: 'gbm', mu: 2e-4, sigma: 0.02 },
	paths: 2000,
	steps: 252,
	seed: 42,
	ruinThreshold: 0.7,
	keepPaths: true
};

describe('runMonteCarloCpu', () => {
	it('gives identical results for the same seed, and different ones for another seed', () => {
		const a = runMonteCarloCpu(config);
		expect(runMonteCarloCpu(config)).toEqual(a);
		expect(runMonteCarloCpu({ ...config, seed: 43 }).finalReturn.mean).not.toBe(a.finalReturn.mean);
	});

	it('keeps the per-path outputs in path order, each computable alone', () => {
		const r = runMonteCarloCpu(config);
		const model = resolveConfig(config);
		if (!model.ok) throw new Error(model.message);
		const one = simulatePaths(config, model.value, 1234, 1);
		expect(r.perPath!.finalReturn[1234]).toBe(one.finalReturn[0]);
		expect(r.perPath!.sharpe[1234]).toBe(one.sharpe[0]);
	});

	it('reports the share of ruined paths and ordered quantiles', () => {
		const r = runMonteCarloCpu(config);
		const ruined = r.perPath!.ruined.reduce((a, b) => a + b, 0);
		expect(r.ruinProbability).toBe(ruined / config.paths);
		expect(r.ruinProbability).toBeGreaterThan(0);
		for (const m of [r.finalReturn, r.maxDrawdown, r.sharpe]) {
			expect(m.quantiles).toHaveLength(7);
			for (let i = 1; i < 7; i++) expect(m.quantiles[i]).toBeGreaterThanOrEqual(m.quantiles[i - 1]);
		}
		expect(r.maxDrawdown.quantiles[0]).toBeGreaterThanOrEqual(0);
		expect(r.maxDrawdown.quantiles[6]).toBeLessThanOrEqual(1);
	});

	it('matches GBM theory: mean final return e^(steps·mu) − 1', () => {
		const r = runMonteCarloCpu({ ...config, paths: 20_000, steps: 50, keepPaths: false });
		const expected = Math.expm1(50 * 2e-4);
		expect(Math.abs(r.finalReturn.mean - expected)).toBeLessThan(
			4 * (r.finalReturn.std / Math.sqrt(20_000))
		);
		expect(r.perPath).toBeUndefined();
	});

	it('throws a RangeError naming the bad field', () => {
		expect(() => runMonteCarloCpu({ ...config, steps: 0 })).toThrow(/steps/);
	});
});
