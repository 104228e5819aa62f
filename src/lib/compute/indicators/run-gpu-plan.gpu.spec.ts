import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIndicator } from '../../core/indicators/registry';
import { generateGbm } from '../../core/synthetic/gbm';
import type { GpuContext } from '../device';
import { nodeGpuOrFail } from '../testing/node-gpu-or-fail';
import { computeIndicatorGpu } from './compute-indicator-gpu';

let gpu: GpuContext;

beforeAll(async () => {
	gpu = await nodeGpuOrFail();
});

afterAll(() => gpu?.device.destroy());

const gbm = (seed: number, bars: number) =>
	generateGbm({ seed, bars, s0: 100, mu: 0.05, sigma: 0.2, symbol: `G${seed}` });
const macd = findIndicator('macd')!;

/** Counts buffers created on the device and destroyed again while `work` runs. */
async function countBuffers(work: () => Promise<unknown>) {
	const device = gpu.device as GPUDevice & { createBuffer: GPUDevice['createBuffer'] };
	const original = device.createBuffer;
	let created = 0;
	let destroyed = 0;
	device.createBuffer = function (descriptor: GPUBufferDescriptor) {
		const buffer = original.call(this, descriptor);
		created++;
		const destroy = buffer.destroy.bind(buffer);
		buffer.destroy = () => {
			destroyed++;
			destroy();
		};
		return buffer;
	};
	try {
		await work().catch(() => undefined);
	} finally {
		device.createBuffer = original;
	}
	return { created, destroyed };
}

describe('the GPU indicator engine manages its resources', () => {
	it('destroys every buffer it creates', async () => {
		const n = await countBuffers(() => computeIndicatorGpu(gpu, macd, [gbm(1, 300)], [{}]));
		expect(n.created).toBeGreaterThan(0);
		expect(n.destroyed).toBe(n.created);
	});

	it('rejects with the abort reason and still destroys every buffer', async () => {
		const controller = new AbortController();
		let rejection: unknown;
		const n = await countBuffers(async () => {
			const pending = computeIndicatorGpu(gpu, macd, [gbm(2, 500)], [{}], {
				signal: controller.signal
			});
			controller.abort();
			rejection = await pending.catch((e: unknown) => e);
		});
		expect((rejection as DOMException).name).toBe('AbortError');
		expect(n.destroyed).toBe(n.created);
	});

	it('compiles a plan once and reuses it for other series counts, lengths and parameters', async () => {
		await computeIndicatorGpu(gpu, macd, [gbm(3, 200)], [{}]);
		const device = gpu.device as GPUDevice & {
			createComputePipeline: GPUDevice['createComputePipeline'];
		};
		const original = device.createComputePipeline;
		let compiled = 0;
		device.createComputePipeline = function (descriptor: GPUComputePipelineDescriptor) {
			compiled++;
			return original.call(this, descriptor);
		};
		try {
			await computeIndicatorGpu(gpu, macd, [gbm(4, 700), gbm(5, 700)], [{ fast: 5 }, {}]);
		} finally {
			device.createComputePipeline = original;
		}
		expect(compiled).toBe(0);
	});
});

describe('computeIndicatorGpu refuses what it cannot compute, creating nothing', () => {
	it('a series with a gap, naming the bar', async () => {
		const s = gbm(6, 50);
		s.close[20] = NaN;
		const n = await countBuffers(async () => {
			await expect(computeIndicatorGpu(gpu, macd, [s], [{}])).rejects.toThrow(
				/missing or non-positive close at bar 20/
			);
		});
		expect(n.created).toBe(0);
	});

	it('invalid parameters, with the CPU path’s message', async () => {
		await expect(computeIndicatorGpu(gpu, macd, [gbm(7, 50)], [{ fast: 0 }])).rejects.toThrow(
			/macd: fast must be an integer in \[1, 10000\]/
		);
	});

	it('an indicator without a GPU plan', async () => {
		await expect(
			computeIndicatorGpu(gpu, findIndicator('hmm_regime')!, [gbm(8, 50)], [{}])
		).rejects.toThrow(/hmm_regime has no GPU batch path/);
	});
});
