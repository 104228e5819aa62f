import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	rnnSequenceForward,
	rnnSequenceGradients,
	type GateActivation,
	type RnnCell,
	workspaceLayout
} from '$lib/compute/rnn';
import { selectBackend } from '../backend';
import { installNodeWebGpu } from '../node-webgpu';
import { fusedRnn } from './fused-rnn-op';
import { inputGradients, recurrentKernelGradient } from './run-recurrence';
import { lcg, rnnFixture, toleranceRatio } from './testing-fixtures';

beforeAll(async () => {
	await installNodeWebGpu();
	const sel = await selectBackend('webgpu');
	if (sel.backend !== 'webgpu') throw new Error(`webgpu backend needed, got ${sel.backend}`);
});

/**
 * Tolerances (absolute + relative to the largest |reference| value of the tensor):
 * - h: each preactivation is a sum of D + H f32 products (error ≲ (D+H)·2⁻²⁴·Σ|terms|), gates and
 *   tanh add ~4 ulp, and σ' ≤ 1/4, |tanh'| ≤ 1 keep the error from growing along T. Measured on
 *   SwiftShader: ≤ 1.5e-7 for H ≤ 64, T ≤ 12. Allowed 1e-6 + 1e-6·max|h|.
 * - gradients: BPTT sums T steps of such terms and the weight gradients sum B·T outer products in
 *   f32 matmuls. Measured: ≤ 2e-6 (dBias of the H=64 GRU, values up to ~10). Allowed
 *   1e-5 + 1e-5·max|grad|.
 */
const H_TOL = { atol: 1e-6, rtol: 1e-6 };
const GRAD_TOL = { atol: 1e-5, rtol: 1e-5 };

interface Case {
	cell: RnnCell;
	batch: number;
	steps: number;
	inputSize: number;
	units: number;
	reverse: boolean;
	gate: GateActivation;
}
const CASES: Case[] = [
	{ cell: 'lstm', batch: 1, steps: 1, inputSize: 3, units: 8, reverse: false, gate: 'sigmoid' },
	{ cell: 'lstm', batch: 3, steps: 9, inputSize: 5, units: 7, reverse: false, gate: 'sigmoid' },
	{ cell: 'lstm', batch: 2, steps: 6, inputSize: 4, units: 13, reverse: true, gate: 'hardSigmoid' },
	{ cell: 'lstm', batch: 2, steps: 12, inputSize: 6, units: 64, reverse: false, gate: 'sigmoid' },
	{ cell: 'gru', batch: 1, steps: 1, inputSize: 3, units: 8, reverse: false, gate: 'sigmoid' },
	{ cell: 'gru', batch: 3, steps: 9, inputSize: 5, units: 7, reverse: true, gate: 'sigmoid' },
	{ cell: 'gru', batch: 2, steps: 6, inputSize: 4, units: 13, reverse: false, gate: 'hardSigmoid' },
	{ cell: 'gru', batch: 2, steps: 12, inputSize: 6, units: 64, reverse: true, gate: 'sigmoid' }
];

describe('fusedRnn on WebGPU equals the f64 reference', () => {
	for (const c of CASES) {
		it(`${c.cell} B=${c.batch} T=${c.steps} D=${c.inputSize} H=${c.units} ${c.reverse ? 'reversed' : 'forward'} ${c.gate}: h and all four gradients`, async () => {
			const f = rnnFixture(c.cell, c);
			const { batch: B, steps: T, inputSize: D, units: H } = c;
			const G = f.bias.length;
			const before = tf.memory().numTensors;
			const x = tf.tensor3d(f.x, [B, T, D]);
			const k = tf.tensor2d(f.kernel, [D, G]);
			const rk = tf.tensor2d(f.recurrentKernel, [H, G]);
			const b = tf.tensor1d(f.bias);
			const dy = tf.tensor3d(f.dy, [B, T, H]);
			const opts = { goBackwards: c.reverse, recurrentActivation: c.gate };
			const h = fusedRnn(c.cell, x, k, rk, b, opts);
			const grads = tf.grads((...a: tf.Tensor[]) =>
				tf.sum(
					tf.mul(
						fusedRnn(
							c.cell,
							a[0] as tf.Tensor3D,
							a[1] as tf.Tensor2D,
							a[2] as tf.Tensor2D,
							a[3] as tf.Tensor1D,
							opts
						),
						dy
					)
				)
			)([x, k, rk, b]);
			const [hGpu, ...gGpu] = await Promise.all([h, ...grads].map((t) => t.data()));
			tf.dispose([x, k, rk, b, dy, h, ...grads]);
			expect(tf.memory().numTensors).toBe(before);

			const shape = { ...c };
			const w = { kernel: f.kernel, recurrentKernel: f.recurrentKernel, bias: f.bias };
			const ref = rnnSequenceForward(c.cell, f.x, w, shape).h;
			const g = rnnSequenceGradients(c.cell, f.x, w, f.dy, shape);
			expect(toleranceRatio(hGpu, ref, H_TOL.atol, H_TOL.rtol)).toBeLessThanOrEqual(1);
			const names = ['dx', 'dKernel', 'dRecurrentKernel', 'dBias'] as const;
			names.forEach((name, i) =>
				expect(
					toleranceRatio(gGpu[i], g[name], GRAD_TOL.atol, GRAD_TOL.rtol),
					name
				).toBeLessThanOrEqual(1)
			);
		});
	}
});

describe('input-gradient kernels on WebGPU equal their tfjs-ops twin on the CPU backend', () => {
	// Odd sizes, both time orders, and one dx of 70·1000·61 = 4.27M outputs: 66,719 workgroups of 64,
	// more than one dispatch dimension holds (65,535), so the 2-D fold is exercised.
	const CASES = [
		{ B: 3, T: 7, D: 5, G: 52, reverse: false },
		{ B: 2, T: 9, D: 1, G: 21, reverse: true },
		{ B: 70, T: 1000, D: 61, G: 4, reverse: true }
	];
	for (const c of CASES) {
		it(`B=${c.B} T=${c.T} D=${c.D} G=${c.G} ${c.reverse ? 'reversed' : 'forward'}: dx, dKernel, dBias`, async () => {
			const rand = lcg(7);
			const r = Float32Array.from(
				{ length: c.B * c.T * (c.D + c.G) + c.D * c.G },
				() => 2 * rand()
			);
			let o = 0;
			const take = (n: number) => r.subarray(o, (o += n));
			const xData = take(c.B * c.T * c.D);
			const dAData = take(c.B * c.T * c.G);
			const kData = take(c.D * c.G);
			const run = async () => {
				const x = tf.tensor3d(xData, [c.B, c.T, c.D]);
				const dA = tf.tensor3d(dAData, [c.B, c.T, c.G]);
				const k = tf.tensor2d(kData, [c.D, c.G]);
				const g = inputGradients(x, dA, k, { reverse: c.reverse });
				const out = await Promise.all([g.dx, g.dKernel, g.dBias].map((t) => t.data()));
				tf.dispose([x, dA, k, g.dx, g.dKernel, g.dBias]);
				return out;
			};
			const before = tf.memory().numTensors;
			const onGpu = await run();
			expect(tf.memory().numTensors).toBe(before);
			await tf.setBackend('cpu');
			try {
				const onCpu = await run();
				// Sums of up to B·T = 70,000 f32 products of values in [-1, 1): the two orders of
				// summation differ by ≲ n·2⁻²⁴ relative to Σ|terms|, i.e. ~4e-3 absolute here.
				onCpu.forEach((ref, i) =>
					expect(
						toleranceRatio(onGpu[i], ref, 1e-5, 1e-4),
						['dx', 'dKernel', 'dBias'][i]
					).toBeLessThanOrEqual(1)
				);
			} finally {
				await tf.setBackend('webgpu');
			}
		});
	}
});

describe('the recurrent-kernel gradient kernel on WebGPU equals its tfjs-ops twin on the CPU backend', () => {
	// H not a multiple of the 8-row tile nor of the 32-column block (tail lanes clamp and are not
	// written), H spanning several tiles and blocks, a single row, and both cells (the GRU candidate
	// multiplies by r ⊙ h_{t−1}). The workspace is random: the kernel only reads its hPrev (and, for
	// the GRU, r) blocks, so any values test the indexing.
	const CASES: { cell: RnnCell; B: number; T: number; H: number }[] = [
		{ cell: 'lstm', B: 1, T: 1, H: 1 },
		{ cell: 'lstm', B: 3, T: 7, H: 13 },
		{ cell: 'lstm', B: 5, T: 40, H: 70 },
		{ cell: 'gru', B: 2, T: 5, H: 7 },
		{ cell: 'gru', B: 4, T: 33, H: 41 },
		{ cell: 'gru', B: 2, T: 9, H: 64 }
	];
	for (const c of CASES) {
		it(`${c.cell} B=${c.B} T=${c.T} H=${c.H}: dR [H, G]`, async () => {
			const width = workspaceLayout(c.cell, c.H).width;
			const G = (c.cell === 'lstm' ? 4 : 3) * c.H;
			const rand = lcg(11);
			const wsData = Float32Array.from({ length: c.B * c.T * width }, () => 2 * rand());
			const dAData = Float32Array.from({ length: c.B * c.T * G }, () => 2 * rand());
			const run = async () => {
				const ws = tf.tensor3d(wsData, [c.B, c.T, width]);
				const dA = tf.tensor3d(dAData, [c.B, c.T, G]);
				const dR = recurrentKernelGradient(c.cell, ws, dA, c.H);
				expect(dR.shape).toEqual([c.H, G]);
				const out = await dR.data();
				tf.dispose([ws, dA, dR]);
				return out;
			};
			const before = tf.memory().numTensors;
			const onGpu = await run();
			expect(tf.memory().numTensors).toBe(before);
			await tf.setBackend('cpu');
			try {
				const onCpu = await run();
				// Sums of B·T ≤ 200 f32 products of values in [-1, 1) (the GRU candidate's of three):
				// the two summation orders differ by ≲ n·2⁻²⁴ relative to Σ|terms|.
				expect(toleranceRatio(onGpu, onCpu, 1e-5, 1e-5)).toBeLessThanOrEqual(1);
			} finally {
				await tf.setBackend('webgpu');
			}
		});
	}
});
