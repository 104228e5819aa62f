import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GateActivation, RnnCell } from '$lib/compute/rnn';
import { selectBackend } from '../backend';
import { installNodeWebGpu } from '../node-webgpu';
import { FusedGRU, FusedLSTM } from './fused-rnn-layer';
import { measureTrainingStep } from './measure-training-step';
import { lcg, toleranceRatio } from './testing-fixtures';

beforeAll(async () => {
	await installNodeWebGpu();
	const sel = await selectBackend('webgpu');
	if (sel.backend !== 'webgpu') throw new Error(`webgpu backend needed, got ${sel.backend}`);
});

/**
 * Against tfjs-layers on the same WebGPU backend both sides are f32, with different summation
 * orders (tfjs: matmul of [x, h] per step; fused: one matmul for x, a serial loop for h), so each
 * carries the error budget of fused-rnn-op.gpu.spec.ts: outputs 2e-5 + 1e-5·max, gradients
 * 1e-4 + 1e-4·max. tfjs' own tanh/sigmoid kernels differ from ours by a few ulp, inside that.
 */
const OUT_TOL = { atol: 2e-5, rtol: 1e-5 };
const GRAD_TOL = { atol: 1e-4, rtol: 1e-4 };

function tfjsLayer(cell: RnnCell, cfg: Parameters<typeof tf.layers.lstm>[0]) {
	return cell === 'lstm' ? tf.layers.lstm(cfg) : tf.layers.gru(cfg);
}
function fusedLayer(cell: RnnCell, cfg: ConstructorParameters<typeof FusedLSTM>[0]) {
	return cell === 'lstm' ? new FusedLSTM(cfg) : new FusedGRU(cfg);
}

function randomTensor(shape: number[], seed: number): tf.Tensor {
	const r = lcg(seed);
	return tf.tensor(
		Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * r()),
		shape
	);
}

/**
 * Output and gradients (input, kernel, recurrent kernel, bias) of Σ w ⊙ layer(x); x enters as a
 * variable so one backward pass gives all four (tfjs-layers on SwiftShader is slow).
 */
async function outputAndGrads(layer: tf.layers.Layer, x: tf.Tensor, w: tf.Tensor) {
	const xv = tf.variable(x);
	const vars = [xv, ...layer.trainableWeights.map((v) => v.read() as tf.Variable)];
	const out = layer.apply(x) as tf.Tensor;
	const { value, grads } = tf.variableGrads(
		() => tf.sum(tf.mul(layer.apply(xv) as tf.Tensor, w)),
		vars
	);
	const data = await Promise.all([out, ...vars.map((v) => grads[v.name])].map((t) => t.data()));
	tf.dispose([out, value, xv, ...Object.values(grads)]);
	return data;
}

const CASES: {
	cell: RnnCell;
	B: number;
	T: number;
	D: number;
	H: number;
	seq: boolean;
	back: boolean;
	gate: GateActivation;
}[] = [
	{ cell: 'lstm', B: 2, T: 5, D: 3, H: 7, seq: true, back: false, gate: 'sigmoid' },
	{ cell: 'lstm', B: 3, T: 4, D: 4, H: 13, seq: false, back: true, gate: 'hardSigmoid' },
	{ cell: 'gru', B: 2, T: 5, D: 3, H: 7, seq: true, back: true, gate: 'sigmoid' },
	{ cell: 'gru', B: 3, T: 4, D: 4, H: 13, seq: false, back: false, gate: 'hardSigmoid' }
];

describe('FusedLSTM / FusedGRU match tfjs-layers with copied weights (WebGPU)', () => {
	for (const c of CASES) {
		it(`${c.cell} B=${c.B} T=${c.T} H=${c.H} returnSequences=${c.seq} goBackwards=${c.back} ${c.gate}: outputs and gradients`, async () => {
			const cfg = {
				units: c.H,
				returnSequences: c.seq,
				goBackwards: c.back,
				recurrentActivation: c.gate
			};
			const ref = tfjsLayer(c.cell, cfg);
			const fused = fusedLayer(c.cell, cfg);
			const x = randomTensor([c.B, c.T, c.D], 3);
			const w = randomTensor(c.seq ? [c.B, c.T, c.H] : [c.B, c.H], 4);
			// apply() builds the layers (tfjs' RNN.build is not idempotent when called first by hand).
			tf.dispose([ref.apply(x) as tf.Tensor, fused.apply(x) as tf.Tensor]);
			// Non-zero bias so the bias path is exercised.
			const [k, rk] = ref.getWeights();
			const bias = randomTensor([k.shape[1] as number], 5).mul(0.3);
			ref.setWeights([k, rk, bias]);
			fused.setWeights(ref.getWeights());
			bias.dispose();
			const before = tf.memory().numTensors;
			const want = await outputAndGrads(ref, x, w);
			const got = await outputAndGrads(fused, x, w);
			expect(tf.memory().numTensors).toBe(before);
			expect(toleranceRatio(got[0], want[0], OUT_TOL.atol, OUT_TOL.rtol)).toBeLessThanOrEqual(1);
			['dx', 'dKernel', 'dRecurrentKernel', 'dBias'].forEach((name, i) =>
				expect(
					toleranceRatio(got[i + 1], want[i + 1], GRAD_TOL.atol, GRAD_TOL.rtol),
					name
				).toBeLessThanOrEqual(1)
			);
			tf.dispose([x, w]);
			ref.dispose();
			fused.dispose();
		});
	}
});

describe('training with FusedLSTM', () => {
	it('follows the loss trajectory of tfjs-layers LSTM (same weights, data, Adam) in far fewer dispatches', async () => {
		const [B, T, D, H, STEPS] = [8, 6, 3, 8, 4];
		const build = (fused: boolean) => {
			const cfg = { units: H, recurrentActivation: 'sigmoid' as const, inputShape: [T, D] };
			const model = tf.sequential({
				layers: [fused ? new FusedLSTM(cfg) : tf.layers.lstm(cfg), tf.layers.dense({ units: 1 })]
			});
			model.compile({ optimizer: tf.train.adam(0.05), loss: 'meanSquaredError' });
			return model;
		};
		const ref = build(false);
		const fused = build(true);
		fused.setWeights(ref.getWeights());
		const x = randomTensor([B, T, D], 11);
		const y = randomTensor([B, 1], 12);
		const losses: number[][] = [[], []];
		const dispatches: number[] = [0, 0];
		for (let s = 0; s < STEPS; s++) {
			for (const [m, model] of [ref, fused].entries()) {
				const step = await measureTrainingStep(async () => {
					losses[m].push((await model.trainOnBatch(x, y)) as number);
				});
				dispatches[m] = step.dispatches;
			}
		}
		// Four Adam steps move the weights by ~0.2; f32 differences (≤1e-5 relative per step, see
		// above) stay far below the loss changes being compared.
		for (let s = 0; s < STEPS; s++)
			expect(Math.abs(losses[1][s] - losses[0][s])).toBeLessThan(1e-4 * Math.max(1, losses[0][s]));
		expect(losses[1][STEPS - 1]).toBeLessThan(losses[1][0]);
		// tfjs-layers dispatches per timestep; the fused layer's count does not grow with T.
		expect(dispatches[1]).toBeGreaterThan(0);
		expect(dispatches[1] * 3).toBeLessThan(dispatches[0]);
		tf.dispose([x, y]);
		ref.dispose();
		fused.dispose();
	});
});
