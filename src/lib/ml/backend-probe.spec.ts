import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { probeBackends } from './backend-probe';
import { tinyModel } from './training/testing/tiny-problem';

describe('probeBackends (Node, no navigator.gpu)', () => {
	it('measures the CPU, says WebGPU is unavailable and WASM not installed, and picks the CPU', async () => {
		const probe = await probeBackends(() => tinyModel(), {
			sampleShape: [4, 2],
			batchSize: 8,
			steps: 2
		});
		expect(probe.chosen).toBe('cpu');
		expect(tf.getBackend()).toBe('cpu');
		expect(probe.software).toBe(true);
		const byName = Object.fromEntries(probe.measurements.map((m) => [m.backend, m]));
		expect(byName.cpu.status).toBe('measured');
		expect(byName.cpu.msPerStep).toBeGreaterThan(0);
		expect(byName.webgpu.status).toBe('unavailable');
		expect(byName.wasm.status).toBe('not_installed');
		expect(probe.summary).toMatch(
			/^webgpu unavailable .*· wasm not installed · cpu [\d.]+ ms\/step \(chosen\)$/
		);
	});

	it('leaves no tensors behind', async () => {
		await tf.setBackend('cpu');
		const before = tf.memory().numTensors;
		await probeBackends(() => tinyModel(), {
			sampleShape: [4, 2],
			batchSize: 4,
			steps: 1,
			candidates: ['cpu']
		});
		expect(tf.memory().numTensors).toBe(before);
	});
});
