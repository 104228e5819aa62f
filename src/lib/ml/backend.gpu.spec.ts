import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSoftwareAdapter, selectBackend } from './backend';
import { installNodeWebGpu } from './node-webgpu';

let gpu: GPU;
beforeAll(async () => {
	gpu = await installNodeWebGpu();
});

/** SwiftShader is what this project's machines have; a run on a real GPU must report hardware. */
const swiftShaderDriver = /swiftshader/i.test(process.env.VK_ICD_FILENAMES ?? '');

describe('selectBackend with WebGPU (Dawn in Node)', () => {
	it('finds an adapter — this fails, not skips, without one (set VK_ICD_FILENAMES, see PLATFORM.md)', async () => {
		const adapter = await gpu.requestAdapter();
		expect(
			adapter,
			'no WebGPU adapter: is VK_ICD_FILENAMES set to a Vulkan driver?'
		).not.toBeNull();
	});

	it("selectBackend('webgpu') runs on webgpu and calls a software adapter software", async () => {
		const sel = await selectBackend('webgpu');
		expect(sel.backend).toBe('webgpu');
		expect(tf.getBackend()).toBe('webgpu');
		expect(sel.adapter).toBeDefined();
		if (swiftShaderDriver) {
			expect(sel.software).toBe(true);
			expect(`${sel.adapter!.architecture} ${sel.adapter!.description}`).toMatch(/swiftshader/i);
			expect(sel.notice).toMatch(/software adapter.*not a GPU/);
		} else {
			expect(sel.software).toBe(isSoftwareAdapter(sel.adapter!));
		}
		// The backend computes: a tiny op round-trips through the device.
		const t = tf.tensor1d([1, 2, 3]).square().sum();
		expect(await t.data()).toEqual(new Float32Array([14]));
		t.dispose();
	});

	it("selectBackend('auto') prefers the CPU over a software adapter unless allowed", async () => {
		const auto = await selectBackend('auto');
		if (swiftShaderDriver) {
			expect(auto.backend).toBe('cpu');
			expect(auto.notice).toMatch(/software one/);
		} else {
			expect(auto.backend).toBe('webgpu');
		}
		const allowed = await selectBackend('auto', { allowSoftwareAdapter: true });
		expect(allowed.backend).toBe('webgpu');
	});
});
