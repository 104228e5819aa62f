import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeFeaturesCpu, DEFAULT_FEATURES } from '../core/features';
import { syntheticCloses } from '../core/features/synthetic-closes';
import type { OhlcvSeries } from '../core/ohlcv';
import type { GpuContext } from './device';
import { computeFeatures } from './features';

const close = syntheticCloses(300, 11);
const series: OhlcvSeries = {
	symbol: 'T',
	time: close.map((_, i) => i),
	open: close,
	high: close,
	low: close,
	close,
	volume: close
};

describe('computeFeatures without a working GPU', () => {
	it('computeFeatures without a GPU context runs the CPU twins and says so', async () => {
		const { matrix, engine } = await computeFeatures(series, DEFAULT_FEATURES, { gpu: null });
		expect(engine).toEqual({ kind: 'cpu', notice: 'WebGPU unavailable: computed on the CPU.' });
		expect(matrix).toEqual(computeFeaturesCpu(series, DEFAULT_FEATURES));
	});

	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('computeFeatures falls back to the CPU with the reason when the GPU fails', async () => {
		// The usage flags WebGPU defines (they are globals in browsers and under Dawn).
		vi.stubGlobal('GPUBufferUsage', {
			MAP_READ: 1,
			COPY_SRC: 4,
			COPY_DST: 8,
			UNIFORM: 0x40,
			STORAGE: 0x80
		});
		const broken = {
			device: {
				createBuffer: () => {
					throw new Error('device is lost');
				}
			},
			limits: {
				maxStorageBufferBindingSize: 1 << 30,
				maxBufferSize: 1 << 30,
				maxComputeWorkgroupSizeX: 256,
				maxComputeInvocationsPerWorkgroup: 256,
				maxComputeWorkgroupsPerDimension: 65_535
			},
			adapterInfo: { vendor: 'x', architecture: '', device: '', description: '' },
			isSoftware: false
		} as unknown as GpuContext;
		const { matrix, engine } = await computeFeatures(series, DEFAULT_FEATURES, { gpu: broken });
		expect(engine.kind).toBe('cpu');
		expect(engine.notice).toBe('WebGPU failed: device is lost; computed on the CPU.');
		expect(matrix.columns).toHaveLength(5);
	});

	it('computeFeatures falls back to the CPU when the series exceeds the GPU buffer limits', async () => {
		const tiny = {
			device: {},
			limits: { maxStorageBufferBindingSize: 1024, maxBufferSize: 1024 },
			adapterInfo: {},
			isSoftware: false
		};
		const { engine } = await computeFeatures(series, DEFAULT_FEATURES, {
			gpu: tiny as unknown as GpuContext
		});
		expect(engine.kind).toBe('cpu');
		expect(engine.notice).toMatch(/exceed this GPU's 1024-byte buffer limit; computed on the CPU/);
	});

	it('computeFeatures rejects an invalid spec with a RangeError whatever the engine', async () => {
		await expect(
			computeFeatures(series, [{ kind: 'rolling_std', window: 1 }], { gpu: null })
		).rejects.toThrow(/rolling_std needs an integer window between 2 and/);
	});

	it('computeFeatures rejects with the abort reason when the signal is already aborted', async () => {
		await expect(
			computeFeatures(series, DEFAULT_FEATURES, { signal: AbortSignal.abort() })
		).rejects.toMatchObject({ name: 'AbortError' });
	});
});
