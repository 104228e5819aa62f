import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	pathMetrics,
	pathReturns,
	resolveConfig,
	runMonteCarloCpu,
	type MonteCarloConfig,
	type MonteCarloResult
} from '../../core/montecarlo';
import type { GpuContext } from '../device';
import { nodeGpuOrFail } from '../testing/node-gpu-or-fail';
import { MONTE_CARLO_TWIN_TOLERANCE as TOL } from './monte-carlo-tolerance';
import { runMonteCarloGpu } from './run-monte-carlo-gpu';

let gpu: GpuContext;

beforeAll(async () => {
	gpu = await nodeGpuOrFail();
});

afterAll(() => gpu?.device.destroy());

const source = Float64Array.from({ length: 750 }, (_, i) => 0.02 * Math.sin(i * 1.7) + 3e-4);

const CASES: [string, MonteCarloConfig][] = [
	[
		'GBM',
		{
			model: { kind: 'gbm', mu: 4e-4, sigma: 0.02 },
			paths: 4096,
			steps: 252,
			seed: 7,
			ruinThreshold: 0.75
		}
	],
	[
		'the stationary bootstrap',
		{
			model: { kind: 'bootstrap', returns: source, meanBlockLength: 12 },
			paths: 4096,
			steps: 252,
			seed: 8,
			ruinThreshold: 0.9
		}
	],
	[
		'Markov-switching GBM',
		{
			model: {
				kind: 'markov-gbm',
				regimes: [
					{ mu: 6e-4, sigma: 0.008 },
					{ mu: -1.5e-3, sigma: 0.03 }
				],
				transition: [
					[0.97, 0.03],
					[0.1, 0.9]
				]
			},
			paths: 4096,
			steps: 252,
			seed: 9,
			ruinThreshold: 0.8
		}
	]
];

/** Paths (by index) whose outputs differ beyond the twin tolerance, with what differed. */
function mismatches(config: MonteCarloConfig, gpuR: MonteCarloResult, cpuR: MonteCarloResult) {
	const g = gpuR.perPath!;
	const c = cpuR.perPath!;
	const model = resolveConfig(config);
	if (!model.ok) throw new Error(model.message);
	const bad: string[] = [];
	for (let p = 0; p < config.paths; p++) {
		for (const k of ['finalReturn', 'maxDrawdown', 'sharpe'] as const)
			if (Math.abs(g[k][p] - c[k][p]) > TOL[k] * (1 + Math.abs(c[k][p])))
				bad.push(`path ${p} ${k}: gpu ${g[k][p]} cpu ${c[k][p]}`);
		if (g.ruined[p] !== c.ruined[p]) {
			const r = new Float64Array(config.steps);
			pathReturns(model.value, config.seed, config.stream ?? 0, p, r);
			const m = pathMetrics(r, Math.log(config.ruinThreshold ?? 0.5), 1);
			if (Math.abs(m.minLogEquity - Math.log(config.ruinThreshold ?? 0.5)) > TOL.ruinLogEquity)
				bad.push(`path ${p} ruined: gpu ${g.ruined[p]} cpu ${c.ruined[p]}`);
		}
	}
	return bad;
}

describe('runMonteCarloGpu is the twin of runMonteCarloCpu', () => {
	it.each(CASES)('for %s: every path agrees within the f32 tolerance', async (_, config) => {
		const keep = { ...config, keepPaths: true };
		// Chunks of 1,500 paths: the chunk boundaries must not change which path is which.
		const g = await runMonteCarloGpu(gpu, keep, { chunkPaths: 1500 });
		const c = runMonteCarloCpu(keep);
		expect(mismatches(keep, g, c)).toEqual([]);
		expect(g.ruinProbability).toBeCloseTo(c.ruinProbability, 3);
		for (const k of ['finalReturn', 'maxDrawdown', 'sharpe'] as const) {
			// Means and stds come from the kernel's workgroup sums (f32 over 64 paths, f64 after).
			expect(Math.abs(g[k].mean - c[k].mean)).toBeLessThan(TOL[k] * (1 + Math.abs(c[k].mean)));
			expect(Math.abs(g[k].std - c[k].std)).toBeLessThan(10 * TOL[k] * (1 + c[k].std));
			g[k].quantiles.forEach((q, i) =>
				expect(Math.abs(q - c[k].quantiles[i])).toBeLessThan(
					TOL[k] * (1 + Math.abs(c[k].quantiles[i]))
				)
			);
		}
	});

	it('gives bit-identical outputs on two runs with the same seed', async () => {
		const config = { ...CASES[0][1], paths: 3000, keepPaths: true };
		const a = await runMonteCarloGpu(gpu, config);
		const b = await runMonteCarloGpu(gpu, config, { chunkPaths: 1024 });
		expect(b).toEqual(a);
	});

	it('puts ruined paths in the ruin probability', async () => {
		const r = await runMonteCarloGpu(gpu, { ...CASES[0][1], paths: 2000 });
		expect(r.ruinProbability).toBeGreaterThan(0);
		expect(r.perPath).toBeUndefined();
	});

	it('compiles its pipeline once and destroys every buffer it creates', async () => {
		await runMonteCarloGpu(gpu, { ...CASES[0][1], paths: 100 });
		const device = gpu.device as GPUDevice & {
			createBuffer: GPUDevice['createBuffer'];
			createComputePipeline: GPUDevice['createComputePipeline'];
		};
		const { createBuffer, createComputePipeline } = device;
		let created = 0;
		let destroyed = 0;
		let compiled = 0;
		device.createBuffer = function (descriptor: GPUBufferDescriptor) {
			const buffer = createBuffer.call(this, descriptor);
			created++;
			const destroy = buffer.destroy.bind(buffer);
			buffer.destroy = () => {
				destroyed++;
				destroy();
			};
			return buffer;
		};
		device.createComputePipeline = function (descriptor: GPUComputePipelineDescriptor) {
			compiled++;
			return createComputePipeline.call(this, descriptor);
		};
		try {
			await runMonteCarloGpu(gpu, { ...CASES[1][1], paths: 300, steps: 20 }, { chunkPaths: 128 });
		} finally {
			device.createBuffer = createBuffer;
			device.createComputePipeline = createComputePipeline;
		}
		expect(created).toBeGreaterThan(0);
		expect(destroyed).toBe(created);
		expect(compiled).toBe(0);
	});

	it('rejects with the abort reason when the signal is already aborted', async () => {
		await expect(
			runMonteCarloGpu(gpu, CASES[0][1], { signal: AbortSignal.abort() })
		).rejects.toMatchObject({ name: 'AbortError' });
	});

	it('rejects an invalid config with a RangeError naming the field', async () => {
		await expect(runMonteCarloGpu(gpu, { ...CASES[0][1], paths: 0 })).rejects.toThrow(/paths/);
	});
});
