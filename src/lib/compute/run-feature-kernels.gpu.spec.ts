import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, type FeatureSpec } from '../core/features';
import { syntheticCloses } from '../core/features/synthetic-closes';
import type { OhlcvSeries } from '../core/ohlcv';
import type { GpuContext } from './device';
import { computeFeatures } from './features';
import { nodeGpuOrFail } from './testing/node-gpu-or-fail';

const seriesOf = (close: Float64Array): OhlcvSeries => ({
	symbol: 'T',
	time: Float64Array.from(close, (_, i) => i),
	open: close,
	high: close,
	low: close,
	close,
	volume: close
});

let gpu: GpuContext;

beforeAll(async () => {
	gpu = await nodeGpuOrFail();
});

afterAll(() => gpu?.device.destroy());

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

describe('the WebGPU feature path manages its resources', () => {
	it('destroys every buffer it creates', async () => {
		const n = await countBuffers(() =>
			computeFeatures(seriesOf(syntheticCloses(500, 1)), DEFAULT_FEATURES, { gpu })
		);
		expect(n.created).toBeGreaterThan(0);
		expect(n.destroyed).toBe(n.created);
	});

	it('destroys every buffer when aborted while the GPU works, and rejects with the abort reason', async () => {
		const controller = new AbortController();
		let rejection: unknown;
		const n = await countBuffers(async () => {
			const pending = computeFeatures(seriesOf(syntheticCloses(2000, 2)), DEFAULT_FEATURES, {
				gpu,
				signal: controller.signal
			});
			controller.abort();
			rejection = await pending.catch((e: unknown) => e);
		});
		expect((rejection as DOMException).name).toBe('AbortError');
		expect(n.destroyed).toBe(n.created);
	});

	it('rejects at once, creating nothing, when the signal is already aborted', async () => {
		const n = await countBuffers(async () => {
			await expect(
				computeFeatures(seriesOf(syntheticCloses(10, 3)), DEFAULT_FEATURES, {
					gpu,
					signal: AbortSignal.abort()
				})
			).rejects.toMatchObject({ name: 'AbortError' });
		});
		expect(n.created).toBe(0);
	});

	it('compiles each kernel once and reuses it for other lengths and windows', async () => {
		const specs: FeatureSpec[] = [
			{ kind: 'rolling_std', window: 5, source: 'log_return' },
			{ kind: 'ema', period: 3 }
		];
		await computeFeatures(seriesOf(syntheticCloses(100, 4)), specs, { gpu });
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
			const other: FeatureSpec[] = [
				{ kind: 'rolling_mean', window: 40, source: 'log_return' },
				{ kind: 'ema', period: 50 }
			];
			const { engine } = await computeFeatures(seriesOf(syntheticCloses(3000, 5)), other, { gpu });
			expect(engine.kind).toBe('webgpu');
		} finally {
			device.createComputePipeline = original;
		}
		expect(compiled).toBe(0);
	});
});
