import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { isSoftwareAdapter, selectBackend } from './backend';

describe('selectBackend without WebGPU', () => {
	it("selectBackend('cpu') runs on the CPU backend without a notice", async () => {
		const sel = await selectBackend('cpu');
		expect(sel).toEqual({ backend: 'cpu', software: true });
		expect(tf.getBackend()).toBe('cpu');
	});

	it.each(['auto', 'webgpu'] as const)(
		"selectBackend('%s') falls back to the CPU and says why when navigator.gpu is missing",
		async (preference) => {
			expect((globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu).toBeUndefined();
			const sel = await selectBackend(preference);
			expect(sel.backend).toBe('cpu');
			expect(sel.software).toBe(true);
			expect(sel.adapter).toBeUndefined();
			expect(sel.notice).toMatch(/WebGPU is not available/);
		}
	);
});

describe('isSoftwareAdapter', () => {
	it.each([
		[
			{ vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader driver 5.0.0' },
			true
		],
		[{ vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' }, true],
		[{ vendor: 'microsoft', architecture: '', description: 'Microsoft Basic Render Driver' }, true],
		[{ vendor: 'nvidia', architecture: 'ampere', description: 'NVIDIA GeForce RTX 3080' }, false],
		[{ vendor: 'apple', architecture: 'metal-3', description: '' }, false]
	])('%o → %s', (info, expected) => {
		expect(isSoftwareAdapter(info)).toBe(expected);
	});
});
