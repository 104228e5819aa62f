import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { probeBackends } from './backend-probe';
import { tinyModel } from './training/testing/tiny-problem';

describe('probeBackends (Node, no navigator.gpu)', () => {
	it('measures WASM and the CPU, says WebGPU is unavailable, and leaves the faster one active', async () => {
		const probe = await probeBackends(() => tinyModel(), {
			sampleShape: [4, 2],
			batchSize: 8,
			steps: 2
		});
		expect(['wasm', 'cpu']).toContain(probe.chosen);
		expect(tf.getBackend()).toBe(probe.chosen);
		expect(probe.software).toBe(true);
		const byName = Object.fromEntries(probe.measurements.map((m) => [m.backend, m]));
		expect(byName.cpu.status).toBe('measured');
		expect(byName.cpu.msPerStep).toBeGreaterThan(0);
		expect(byName.wasm.status).toBe('measured');
		expect(byName.wasm.msPerStep).toBeGreaterThan(0);
		expect(byName.webgpu.status).toBe('unavailable');
		const loser = probe.chosen === 'wasm' ? byName.cpu : byName.wasm;
		expect(byName[probe.chosen].msPerStep).toBeLessThanOrEqual(loser.msPerStep!);
		expect(probe.summary).toMatch(
			/^webgpu unavailable .*· wasm [\d.]+ ms\/step( \(chosen\))? · cpu [\d.]+ ms\/step( \(chosen\))?$/
		);
		expect(probe.summary.match(/\(chosen\)/g)).toHaveLength(1);
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
