import { describe, expect, it } from 'vitest';
import { acquireGpu } from './device';

describe('acquireGpu', () => {
	it('acquireGpu(undefined) is a gpu_unavailable error that says what to do', async () => {
		const r = await acquireGpu(undefined);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.code).toBe('gpu_unavailable');
			expect(r.message).toMatch(/navigator\.gpu/);
		}
	});

	it('acquireGpu is a gpu_unavailable error when no adapter is found', async () => {
		const gpu = { requestAdapter: async () => null } as unknown as GPU;
		const r = await acquireGpu(gpu);
		expect(r).toMatchObject({ ok: false, code: 'gpu_unavailable' });
	});

	it('acquireGpu turns a failing requestDevice into an error result instead of throwing', async () => {
		const adapter = {
			limits: { maxBufferSize: 1, maxStorageBufferBindingSize: 1 },
			requestDevice: async () => {
				throw new Error('device lost');
			}
		};
		const gpu = { requestAdapter: async () => adapter } as unknown as GPU;
		const r = await acquireGpu(gpu);
		expect(r).toMatchObject({ ok: false, code: 'gpu_unavailable' });
		expect(!r.ok && r.message).toMatch(/device lost/);
	});
});
