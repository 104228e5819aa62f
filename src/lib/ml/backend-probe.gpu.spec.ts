// Dawn over SwiftShader in Node (VK_ICD_FILENAMES, see PLATFORM.md): the probe measures WebGPU and
// labels it a software adapter, never a GPU.
import { describe, expect, it } from 'vitest';
import { probeBackends } from './backend-probe';
import { installNodeWebGpu } from './node-webgpu';
import { tinyModel } from './training/testing/tiny-problem';

describe('probeBackends with Dawn', () => {
	it('measures WebGPU on the software adapter and never calls it a GPU', async () => {
		await installNodeWebGpu();
		const probe = await probeBackends(() => tinyModel(), {
			sampleShape: [4, 2],
			batchSize: 4,
			steps: 1,
			candidates: ['webgpu', 'cpu']
		});
		const webgpu = probe.measurements.find((m) => m.backend === 'webgpu')!;
		expect(webgpu.status).toBe('measured');
		expect(webgpu.software).toBe(true);
		expect(probe.summary).toMatch(/webgpu [\d.]+ ms\/step \(software adapter, not a GPU\)/);
		expect(probe.summary).not.toMatch(/\(GPU\)/);
	});
});
