import { describe, expect, it } from 'vitest';
import { resolveConfig, type MonteCarloConfig } from './config';
import { runMonteCarloCpu, simulatePaths } from './run-monte-carlo-cpu';
import { runMonteCarloPooled, splitPaths } from './path-chunks';

const source = Float64Array.from({ length: 300 }, (_, i) => 0.02 * Math.sin(i * 1.3) + 2e-4);
const config: MonteCarloConfig = {
	model: { kind: 'bootstrap', returns: source, meanBlockLength: 5 },
	paths: 1001,
	steps: 60,
	seed: 17,
	keepPaths: true
};
const model = resolveConfig(config);
if (!model.ok) throw new Error(model.message);
const inProcess = (chunk: { first: number; count: number }) =>
	Promise.resolve(simulatePaths(config, model.value, chunk.first, chunk.count));

describe('splitPaths', () => {
	it('covers every path exactly once in order', () => {
		const chunks = splitPaths(10, 3);
		expect(chunks).toEqual([
			{ first: 0, count: 4 },
			{ first: 4, count: 3 },
			{ first: 7, count: 3 }
		]);
		expect(splitPaths(2, 5)).toHaveLength(2);
	});
});

describe('runMonteCarloPooled', () => {
	it('gives bit-identical results for 1, 2, 3 and 8 workers with the same seed', async () => {
		const one = runMonteCarloCpu(config);
		for (const workers of [1, 2, 3, 8]) {
			const pooled = await runMonteCarloPooled(config, workers, inProcess);
			expect(pooled).toEqual(one);
		}
	});

	it('runs the chunks in any completion order', async () => {
		const reversed = (chunk: { first: number; count: number }) =>
			new Promise<ReturnType<typeof simulatePaths>>((resolve) =>
				setTimeout(
					() => resolve(simulatePaths(config, model.value, chunk.first, chunk.count)),
					5 - chunk.first / 300
				)
			);
		expect(await runMonteCarloPooled(config, 4, reversed)).toEqual(runMonteCarloCpu(config));
	});
});
