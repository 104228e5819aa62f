import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { buildSequenceModel } from './gru-regressor';
import { installNodeWebGpu } from './node-webgpu';
import { arWindows } from './synthetic-series';
import { predict, trainModel } from './train';

beforeAll(async () => {
	await installNodeWebGpu();
});

// Tiny on purpose: on SwiftShader one tfjs LSTM step of this size takes about a second.
const data = arWindows({ samples: 40, window: 8, nFeatures: 4, seed: 8 });
const spec = { window: 8, nFeatures: 4, units: 8, seed: 3 };

/**
 * Relative tolerance between backends. Both compute in f32, but WebGPU sums in a different order
 * (workgroup reductions vs sequential loops), its exp/tanh have the looser accuracy WGSL allows (a few
 * ULP), and the orthogonal initialiser's QR runs on the device. Measured on SwiftShader: gaps of 0
 * (LSTM) and 1.0e-7 (GRU) in the epoch loss. A hardware GPU with fused multiply-add and fast
 * transcendentals drifts more over the two Adam steps, so 1e-3 leaves headroom; a wrong kernel moves
 * the loss by far more than that.
 */
const REL_TOL = 1e-3;

async function oneEpoch(backend: 'cpu' | 'webgpu', model_type: 'gru' | 'lstm') {
	const sel = await selectBackend(backend);
	expect(sel.backend).toBe(backend);
	const model = buildSequenceModel({ model_type, ...spec });
	const initial = await predict(model, data.x, data.samples, spec.window, spec.nFeatures);
	const before = tf.memory().numTensors;
	const r = await trainModel({
		model,
		...data,
		trainSamples: 32,
		epochs: 1,
		batchSize: 16,
		learningRate: 0.01,
		seed: 5
	});
	const leaked = tf.memory().numTensors - before;
	model.dispose();
	if (!r.ok) throw new Error(`${backend}: ${r.message}`);
	return { initial, epoch: r.value.history[0], backend: r.value.backend, leaked };
}

describe('trainModel on WebGPU agrees with the CPU backend', () => {
	it.each(['lstm', 'gru'] as const)(
		'one epoch of a tiny %s: finite loss within 1e-3 of the CPU loss',
		async (model_type) => {
			const cpu = await oneEpoch('cpu', model_type);
			const gpu = await oneEpoch('webgpu', model_type);
			expect(gpu.backend).toBe('webgpu');
			expect(gpu.leaked).toBe(0);
			expect(Number.isFinite(gpu.epoch.loss)).toBe(true);
			for (let i = 0; i < cpu.initial.length; i++)
				expect(gpu.initial[i]).toBeCloseTo(cpu.initial[i], 5);
			expect(Math.abs(gpu.epoch.loss - cpu.epoch.loss)).toBeLessThanOrEqual(
				REL_TOL * cpu.epoch.loss
			);
			expect(Math.abs(gpu.epoch.valLoss! - cpu.epoch.valLoss!)).toBeLessThanOrEqual(
				REL_TOL * cpu.epoch.valLoss!
			);
		}
	);
});
