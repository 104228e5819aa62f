import { describe, expect, it } from 'vitest';
import { probabilityThreshold, resolveConfig, type MonteCarloConfig } from './config';

const gbm: MonteCarloConfig = {
	model: { kind: 'gbm', mu: 0, sigma: 0.01 },
	paths: 10,
	steps: 5,
	seed: 1
};

describe('probabilityThreshold', () => {
	it('makes p = 0 never and p = 1 always happen for every u32', () => {
		expect(0xffffffff >>> 1 < probabilityThreshold(1)).toBe(true);
		expect(0 >>> 1 < probabilityThreshold(0)).toBe(false);
		expect(probabilityThreshold(0.25)).toBe(2 ** 29);
	});
});

describe('resolveConfig', () => {
	it('turns GBM drift into the log drift mu − sigma²/2', () => {
		const r = resolveConfig({ ...gbm, model: { kind: 'gbm', mu: 0.001, sigma: 0.02 } });
		expect(r.ok && r.value.drift[0]).toBeCloseTo(0.001 - 0.0002, 15);
	});

	it('draws the first Markov regime from the stationary distribution p01 / (p01 + p10)', () => {
		const r = resolveConfig({
			...gbm,
			model: {
				kind: 'markov-gbm',
				regimes: [
					{ mu: 0, sigma: 0.01 },
					{ mu: 0, sigma: 0.02 }
				],
				transition: [
					[0.9, 0.1],
					[0.3, 0.7]
				]
			}
		});
		expect(r.ok && r.value.initialMode).toBe(2);
		expect(r.ok && r.value.initialThreshold).toBe(probabilityThreshold(0.25));
	});

	it.each([
		['paths', { ...gbm, paths: 0 }],
		['steps', { ...gbm, steps: 1.5 }],
		['seed', { ...gbm, seed: -1 }],
		['ruinThreshold', { ...gbm, ruinThreshold: 1 }],
		['periodsPerYear', { ...gbm, periodsPerYear: 0 }],
		['sigma', { ...gbm, model: { kind: 'gbm', mu: 0, sigma: -1 } }],
		[
			'meanBlockLength',
			{ ...gbm, model: { kind: 'bootstrap', returns: Float64Array.of(0.1), meanBlockLength: 0.5 } }
		],
		[
			'return series',
			{ ...gbm, model: { kind: 'bootstrap', returns: Float64Array.of(NaN), meanBlockLength: 2 } }
		],
		[
			'transition matrix',
			{
				...gbm,
				model: {
					kind: 'markov-gbm',
					regimes: [
						{ mu: 0, sigma: 0.01 },
						{ mu: 0, sigma: 0.01 }
					],
					transition: [
						[0.5, 0.6],
						[0.5, 0.5]
					]
				}
			}
		]
	] as [string, MonteCarloConfig][])(
		'rejects a bad %s with a message naming it',
		(name, config) => {
			const r = resolveConfig(config);
			expect(r.ok).toBe(false);
			expect(!r.ok && r.message).toContain(name);
		}
	);
});
