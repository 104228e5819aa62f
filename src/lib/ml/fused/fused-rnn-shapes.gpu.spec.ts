import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rnnSequenceForward, rnnSequenceGradients, type RnnCell } from '$lib/compute/rnn';
import { selectBackend } from '../backend';
import { installNodeWebGpu } from '../node-webgpu';
import { fusedRnn } from './fused-rnn-op';
import { rnnFixture, toleranceRatio } from './testing-fixtures';

beforeAll(async () => {
	await installNodeWebGpu();
	const sel = await selectBackend('webgpu');
	if (sel.backend !== 'webgpu') throw new Error(`webgpu backend needed, got ${sel.backend}`);
});

/**
 * The boundary shapes of issue #5 ("batch 1..128, T 1..512, H 8..256, odd sizes"), one extreme at a
 * time so each stays cheap on SwiftShader; compared with the f64 reference only (the tfjs-layers
 * comparison lives in fused-rnn-layer.gpu.spec.ts at small sizes).
 *
 * Tolerances: those of fused-rnn-op.gpu.spec.ts (absolute + relative to the tensor's largest
 * |reference| value), h 1e-6 + 1e-6·max, gradients 1e-5 + 1e-5·max. The worst case f32 argument
 * grows with the extremes: a preactivation sums D + H ≤ 259 products (≤ 259·2⁻²⁴ ≈ 1.5e-5 of the
 * summed magnitudes), BPTT runs 512 steps and the weight gradients sum B·T ≤ 512 outer products.
 * Rounding errors of random sign grow like the square root of the term count, and σ' ≤ 1/4,
 * |tanh'| ≤ 1 damp them along T, so the typical error stays near the small-shape one. Measured on
 * SwiftShader (worst |err| / (1e-6 + 1e-6·max) over the 8 cases): h 0.14, gradients 0.61 (dRecurrentKernel,
 * LSTM T = 512), i.e. ≥ 7× inside the h bound and ≥ 16× inside the gradient bound.
 */
const H_TOL = { atol: 1e-6, rtol: 1e-6 };
const GRAD_TOL = { atol: 1e-5, rtol: 1e-5 };

const SHAPES = [
	{ batch: 128, steps: 3, inputSize: 3, units: 8 },
	{ batch: 1, steps: 512, inputSize: 3, units: 8 },
	{ batch: 2, steps: 3, inputSize: 3, units: 256 },
	{ batch: 3, steps: 5, inputSize: 3, units: 255 }
];

describe('fusedRnn at the boundary shapes equals the f64 reference', () => {
	for (const cell of ['lstm', 'gru'] as RnnCell[])
		for (const s of SHAPES) {
			it(`${cell} B=${s.batch} T=${s.steps} H=${s.units}: h and all four gradients`, async () => {
				const f = rnnFixture(cell, s, s.batch + s.steps + s.units);
				const { batch: B, steps: T, inputSize: D, units: H } = s;
				const G = f.bias.length;
				const before = tf.memory().numTensors;
				const x = tf.tensor3d(f.x, [B, T, D]);
				const k = tf.tensor2d(f.kernel, [D, G]);
				const rk = tf.tensor2d(f.recurrentKernel, [H, G]);
				const b = tf.tensor1d(f.bias);
				const dy = tf.tensor3d(f.dy, [B, T, H]);
				const opts = { recurrentActivation: 'sigmoid' } as const;
				const run = (...a: tf.Tensor[]) =>
					fusedRnn(
						cell,
						a[0] as tf.Tensor3D,
						a[1] as tf.Tensor2D,
						a[2] as tf.Tensor2D,
						a[3] as tf.Tensor1D,
						opts
					);
				const h = run(x, k, rk, b);
				const grads = tf.grads((...a: tf.Tensor[]) => tf.sum(tf.mul(run(...a), dy)))([x, k, rk, b]);
				const [hGpu, ...gGpu] = await Promise.all([h, ...grads].map((t) => t.data()));
				tf.dispose([x, k, rk, b, dy, h, ...grads]);
				expect(tf.memory().numTensors).toBe(before);

				const shape = { ...s, reverse: false, gate: 'sigmoid' as const };
				const w = { kernel: f.kernel, recurrentKernel: f.recurrentKernel, bias: f.bias };
				const ref = rnnSequenceForward(cell, f.x, w, shape).h;
				const g = rnnSequenceGradients(cell, f.x, w, f.dy, shape);
				expect(toleranceRatio(hGpu, ref, H_TOL.atol, H_TOL.rtol)).toBeLessThanOrEqual(1);
				(['dx', 'dKernel', 'dRecurrentKernel', 'dBias'] as const).forEach((name, i) =>
					expect(
						toleranceRatio(gGpu[i], g[name], GRAD_TOL.atol, GRAD_TOL.rtol),
						name
					).toBeLessThanOrEqual(1)
				);
			});
		}
});
