import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { preset, type PresetId } from '$lib/core/models';
import { selectBackend } from '../backend';
import { installNodeWebGpu } from '../node-webgpu';
import { buildModel, zooLoss } from '.';

beforeAll(async () => {
	await installNodeWebGpu();
});

/**
 * The custom layers use only stock tfjs ops, so they must give the CPU's answer on WebGPU. Tolerance
 * as in train.gpu.spec.ts: f32 on both, different summation order and transcendental accuracy.
 */
const REL_TOL = 1e-3;

async function forwardAndGradNorm(backend: 'cpu' | 'webgpu', id: PresetId) {
	const sel = await selectBackend(backend);
	expect(sel.backend, sel.notice).toBe(backend);
	const r = buildModel(preset(id, { window: 6, features: 2, width: 4 }), { seed: 3 });
	if (!r.ok) throw new Error(r.message);
	const built = r.value;
	const x = tf.tensor3d(
		Float32Array.from({ length: 4 * 12 }, (_, i) => Math.sin(i / 5)),
		[4, 6, 2]
	);
	const y = tf.tensor2d([0.1, -0.2, 0.3, 0], [4, 1]);
	const vars = built.model.trainableWeights.map((w) => w.read() as tf.Variable);
	const { value, grads } = tf.variableGrads(
		() => zooLoss(built, x, [y], { training: false }),
		vars
	);
	const loss = (await value.data())[0];
	let gradSquares = 0;
	for (const g of Object.values(grads)) for (const v of await g.data()) gradSquares += v * v;
	tf.dispose([x, y, value, ...Object.values(grads)]);
	built.model.dispose();
	return { loss, gradSquares };
}

describe('zoo layers on WebGPU (Dawn)', () => {
	it.each(['cnn1d', 'transformer', 'retnet', 'moe'] as const)(
		'%s: loss and squared gradient norm match the CPU backend',
		async (id) => {
			const cpu = await forwardAndGradNorm('cpu', id);
			const gpu = await forwardAndGradNorm('webgpu', id);
			expect(Math.abs(gpu.loss - cpu.loss)).toBeLessThanOrEqual(
				REL_TOL * Math.abs(cpu.loss) + 1e-6
			);
			expect(Math.abs(gpu.gradSquares - cpu.gradSquares)).toBeLessThanOrEqual(
				REL_TOL * cpu.gradSquares + 1e-6
			);
		}
	);
});
