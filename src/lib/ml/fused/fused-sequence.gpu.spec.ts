import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { retentionGradients, retentionParallel } from '$lib/compute/rnn/retention';
import { selectBackend } from '../backend';
import { installNodeWebGpu } from '../node-webgpu';
import { FusedRetention } from './fused-retention-layer';
import { fusedRetention, retentionDecays, retentionStep } from './fused-retention-op';
import { fusedRunInfo } from './fused-run-info';
import { measureTrainingStep } from './measure-training-step';
import { MinGRU } from './min-gru-layer';
import { minGruLayerReference, randomArray } from './sequence-testing';
import { toleranceRatio } from './testing-fixtures';

beforeAll(async () => {
	await installNodeWebGpu();
	const sel = await selectBackend('webgpu');
	if (sel.backend !== 'webgpu') throw new Error(`webgpu backend needed, got ${sel.backend}`);
});

/**
 * Retention (absolute + relative to the tensor's largest |reference| value): inputs are f32-exact,
 * so the gap is the kernels' f32 arithmetic, the argument of retention-wgsl.ts: an output sums
 * ≤ (C+1)·dk products (C = 32) and a state is a γ-weighted sum over ≤ N ≤ 1/(1−γ) ≈ 128 steps
 * (γ ≤ 1 − 2⁻⁷), ≲ 200·2⁻²⁴ ≈ 1.2e-5 relative in the worst case, far less with random-sign
 * rounding. The gradients are three such retentions. Allowed 1e-5 + 2e-5·max (the worst-case
 * bound). Measured on SwiftShader: ≤ 0.2 of 1e-6 + 1e-6·max for every output and gradient below.
 */
const RET_TOL = { atol: 1e-5, rtol: 2e-5 };
/**
 * MinGRU: the projection sums D products in f32 (D ≤ 4), σ adds a few ulp, and the scan's
 * reassociation error is ≲ (log₂ W + tiles)·2⁻²⁴ of Σ|b| (linear-scan-wgsl.ts); a ∈ (0, 1) keeps
 * errors from growing along T. Gradients add the reversed scan and B·T-term weight sums (≤ 300
 * terms here, √300·2⁻²⁴ ≈ 1e-6 with random-sign rounding). Allowed 2e-6 + 2e-6·max, the scan
 * kernel's own bound (run-linear-scan.gpu.spec.ts). Measured: ≤ 0.13 of 1e-6 + 1e-6·max.
 */
const GRU_TOL = { atol: 2e-6, rtol: 2e-6 };

const RET_CASES = [
	{ B: 1, heads: 1, N: 1, dk: 4, dv: 4 },
	{ B: 2, heads: 2, N: 37, dk: 8, dv: 5 },
	{ B: 1, heads: 3, N: 70, dk: 7, dv: 9 }
];

describe('fusedRetention on WebGPU equals the f64 parallel form', () => {
	for (const c of RET_CASES) {
		it(`B=${c.B} heads=${c.heads} N=${c.N} dk=${c.dk} dv=${c.dv}: output and dq, dk, dv`, async () => {
			const { B, heads, N, dk, dv } = c;
			const gamma = retentionDecays(heads);
			const qa = randomArray(B * heads * N * dk, N + 1);
			const ka = randomArray(qa.length, N + 2);
			const va = randomArray(B * heads * N * dv, N + 3);
			const dOa = randomArray(va.length, N + 4);
			const before = tf.memory().numTensors;
			const q = tf.tensor4d(qa, [B, heads, N, dk]);
			const k = tf.tensor4d(ka, [B, heads, N, dk]);
			const v = tf.tensor4d(va, [B, heads, N, dv]);
			const dO = tf.tensor4d(dOa, [B, heads, N, dv]);
			const run = (...a: tf.Tensor[]) =>
				fusedRetention(a[0] as tf.Tensor4D, a[1] as tf.Tensor4D, a[2] as tf.Tensor4D, gamma);
			const o = run(q, k, v);
			const grads = tf.grads((...a: tf.Tensor[]) => tf.sum(tf.mul(run(...a), dO)))([q, k, v]);
			const [got, ...gGot] = await Promise.all([o, ...grads].map((t) => t.data()));
			tf.dispose([q, k, v, dO, o, ...grads]);
			expect(tf.memory().numTensors).toBe(before);

			const shape = { rows: B * heads, steps: N, keyDim: dk, valueDim: dv, heads };
			const ref = retentionParallel(qa, ka, va, gamma, shape);
			const g = retentionGradients(retentionParallel, qa, ka, va, gamma, dOa, shape);
			expect(toleranceRatio(got, ref, RET_TOL.atol, RET_TOL.rtol)).toBeLessThanOrEqual(1);
			(['dq', 'dk', 'dv'] as const).forEach((name, i) =>
				expect(
					toleranceRatio(gGot[i], g[name], RET_TOL.atol, RET_TOL.rtol),
					name
				).toBeLessThanOrEqual(1)
			);
		});
	}

	it('retentionStep (one dispatch per token) stepped over a sequence reproduces the parallel outputs', async () => {
		const [B, heads, N, dk, dv] = [2, 2, 9, 4, 3];
		const gamma = retentionDecays(heads);
		const qa = randomArray(B * heads * N * dk, 21);
		const ka = randomArray(qa.length, 22);
		const va = randomArray(B * heads * N * dv, 23);
		const before = tf.memory().numTensors;
		const q = tf.tensor4d(qa, [B, heads, N, dk]);
		const k = tf.tensor4d(ka, [B, heads, N, dk]);
		const v = tf.tensor4d(va, [B, heads, N, dv]);
		let state = tf.zeros([B, heads, dk, dv]) as tf.Tensor4D;
		const outs: tf.Tensor3D[] = [];
		for (let n = 0; n < N; n++) {
			const at = (t: tf.Tensor4D) =>
				tf.tidy(() => tf.squeeze(tf.slice(t, [0, 0, n, 0], [B, heads, 1, -1]), [2]) as tf.Tensor3D);
			const [qn, kn, vn] = [at(q), at(k), at(v)];
			const step = retentionStep(state, qn, kn, vn, gamma);
			tf.dispose([state, qn, kn, vn]);
			state = step.state;
			outs.push(step.out);
		}
		const stepped = tf.stack(outs, 2);
		const parallel = fusedRetention(q, k, v, gamma);
		const [sData, pData] = await Promise.all([stepped.data(), parallel.data()]);
		tf.dispose([q, k, v, state, stepped, parallel, ...outs]);
		expect(tf.memory().numTensors).toBe(before);
		const ref = retentionParallel(qa, ka, va, gamma, {
			rows: B * heads,
			steps: N,
			keyDim: dk,
			valueDim: dv,
			heads
		});
		expect(toleranceRatio(sData, ref, RET_TOL.atol, RET_TOL.rtol)).toBeLessThanOrEqual(1);
		expect(toleranceRatio(sData, pData, RET_TOL.atol, RET_TOL.rtol)).toBeLessThanOrEqual(1);
	});
});

/** Output and the gradients of Σ w ⊙ layer(x) with respect to x and every weight. */
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

/** Layers applied only to concrete tensors cannot be dispose()d; their variables can. */
const disposeWeights = (layer: tf.layers.Layer) => layer.weights.forEach((w) => w.dispose());

describe('FusedRetention on WebGPU', () => {
	it('gives the outputs and gradients of the same layer on the tfjs CPU backend (tfjs-ops retention)', async () => {
		const [B, T, D] = [2, 11, 6];
		const cfg = { heads: 2, keyDim: 4, valueDim: 3, units: 5 };
		const xa = randomArray(B * T * D, 31);
		const wa = randomArray(B * T * 5, 32);
		const run = async () => {
			const layer = new FusedRetention(cfg);
			const x = tf.tensor3d(xa, [B, T, D]);
			layer.build(x.shape);
			const weights = layer
				.getWeights()
				.map((t, i) => tf.tensor(randomArray(t.size, 40 + i, 0.5), t.shape));
			layer.setWeights(weights);
			tf.dispose(weights);
			const w = tf.tensor3d(wa, [B, T, 5]);
			const before = tf.memory().numTensors;
			const data = await outputAndGrads(layer, x, w);
			expect(tf.memory().numTensors).toBe(before);
			tf.dispose([x, w]);
			disposeWeights(layer);
			return data;
		};
		const gpu = await run();
		await tf.setBackend('cpu');
		const cpu = await run().finally(() => tf.setBackend('webgpu'));
		expect(gpu).toHaveLength(1 + 1 + 4);
		// Both sides are f32 with different summation orders (chunkwise kernels vs (QKᵀ⊙D)V): each
		// carries the retention budget above; the projections are identical matmuls.
		gpu.forEach((g, i) =>
			expect(
				toleranceRatio(g, cpu[i], 2 * RET_TOL.atol, 2 * RET_TOL.rtol),
				`tensor ${i}`
			).toBeLessThanOrEqual(1)
		);
	});

	it('step() token by token gives what call() gives for the whole sequence', async () => {
		const [B, T, D] = [1, 7, 5];
		const layer = new FusedRetention({ heads: 3, keyDim: 4 });
		const x = tf.tensor3d(randomArray(B * T * D, 51), [B, T, D]);
		const y = layer.apply(x) as tf.Tensor3D;
		const before = tf.memory().numTensors;
		let state = layer.initialState(B);
		const outs: tf.Tensor2D[] = [];
		for (let t = 0; t < T; t++) {
			const xt = tf.tidy(
				() => tf.reshape(tf.slice(x, [0, t, 0], [B, 1, D]), [B, D]) as tf.Tensor2D
			);
			const step = layer.step(state, xt);
			tf.dispose([state, xt]);
			state = step.state;
			outs.push(step.out);
		}
		const stepped = tf.stack(outs, 1);
		const [sData, yData] = await Promise.all([stepped.data(), y.data()]);
		tf.dispose([stepped, state, ...outs]);
		expect(tf.memory().numTensors).toBe(before);
		expect(toleranceRatio(sData, yData, RET_TOL.atol, RET_TOL.rtol)).toBeLessThanOrEqual(1);
		tf.dispose([x, y]);
		disposeWeights(layer);
	});
});

describe('MinGRU on WebGPU (parallel scan) equals the sequential f64 minGRU', () => {
	const CASES = [
		{ batch: 3, steps: 1, inputSize: 4, units: 2 },
		{ batch: 2, steps: 9, inputSize: 3, units: 5 },
		{ batch: 1, steps: 300, inputSize: 2, units: 3 }
	];
	for (const s of CASES) {
		it(`B=${s.batch} T=${s.steps} D=${s.inputSize} C=${s.units}: h and the gradients of x, kernel, bias`, async () => {
			const { batch: B, steps: T, inputSize: D, units: C } = s;
			const xa = randomArray(B * T * D, T + 61);
			const ka = randomArray(D * 2 * C, T + 62);
			const ba = randomArray(2 * C, T + 63, 0.5);
			const dha = randomArray(B * T * C, T + 64);
			const layer = new MinGRU({ units: C, returnSequences: true });
			const x = tf.tensor3d(xa, [B, T, D]);
			layer.build(x.shape);
			const [kt, bt] = [tf.tensor2d(ka, [D, 2 * C]), tf.tensor1d(ba)];
			layer.setWeights([kt, bt]);
			const dh = tf.tensor3d(dha, [B, T, C]);
			const before = tf.memory().numTensors;
			const [h, dx, dKernel, dBias] = await outputAndGrads(layer, x, dh);
			expect(tf.memory().numTensors).toBe(before);
			tf.dispose([x, dh, kt, bt]);
			disposeWeights(layer);
			const ref = minGruLayerReference(xa, ka, ba, dha, s);
			const got = { h, dx, dKernel, dBias };
			for (const name of ['h', 'dx', 'dKernel', 'dBias'] as const)
				expect(
					toleranceRatio(got[name], ref[name], GRU_TOL.atol, GRU_TOL.rtol),
					name
				).toBeLessThanOrEqual(1);
		});
	}
});

describe('fusedRunInfo on WebGPU', () => {
	it('records the kernels and dispatches of a training step, and a step that reads nothing back leaves the command stream valid', async () => {
		const model = tf.sequential({
			layers: [
				new FusedRetention({ heads: 2, keyDim: 2, returnSequences: false, inputShape: [4, 3] }),
				tf.layers.dense({ units: 1 })
			]
		});
		const x = tf.tensor3d(randomArray(2 * 4 * 3, 71), [2, 4, 3]);
		const y = tf.tensor2d(randomArray(2, 72), [2, 1]);
		const optimizer = tf.train.sgd(0.1);
		const device = (tf.backend() as unknown as { device: GPUDevice }).device;
		device.pushErrorScope('validation');
		// No readback inside the step: measureTrainingStep itself must close tfjs' open compute pass.
		const measure = await measureTrainingStep(() =>
			optimizer
				.minimize(() => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor), true)
				?.dispose()
		);
		expect(await device.popErrorScope()).toBeNull();
		const info = fusedRunInfo(model, measure);
		expect(info).toMatchObject({ backend: 'webgpu', kernels: ['fused-retention'] });
		expect(info.dispatchesPerStep).toBeGreaterThan(0);
		expect(info.msPerStep).toBeGreaterThan(0);
		tf.dispose([x, y]);
		optimizer.dispose();
		model.dispose();
	});
});
