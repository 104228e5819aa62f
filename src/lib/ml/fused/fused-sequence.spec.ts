import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { retentionGradients, retentionParallel } from '$lib/compute/rnn/retention';
import { FusedLSTM } from './fused-rnn-layer';
import { FusedRetention } from './fused-retention-layer';
import { fusedRetention, retentionDecays, retentionStep } from './fused-retention-op';
import { fusedRunInfo } from './fused-run-info';
import { measureTrainingStep } from './measure-training-step';
import { MinGRU } from './min-gru-layer';
import { retentionProgram, scanWorkgroupSize } from './sequence-programs';
import { minGruLayerReference, randomArray } from './sequence-testing';
import { toleranceRatio } from './testing-fixtures';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

/**
 * Off WebGPU, retention is tfjs ops in f32: (QKᵀ ⊙ D)V sums N·dk products per output, so ≲ N·dk·2⁻²⁴
 * ≈ 2e-6 relative for N·dk ≤ 40; MinGRU runs the f64 scan twin after an f32 projection of D ≤ 3
 * products and σ. Allowed 1e-5 + 1e-5·max for both.
 */
const TOL = { atol: 1e-5, rtol: 1e-5 };

/** Layers applied only to concrete tensors cannot be dispose()d; their variables can. */
const disposeWeights = (layer: tf.layers.Layer) => layer.weights.forEach((w) => w.dispose());

describe('fusedRetention off WebGPU (tfjs ops)', () => {
	it('equals the f64 parallel form, and its tfjs gradients equal the f64 gradients', async () => {
		const [B, heads, N, dk, dv] = [2, 2, 10, 4, 3];
		const gamma = retentionDecays(heads);
		const qa = randomArray(B * heads * N * dk, 1);
		const ka = randomArray(qa.length, 2);
		const va = randomArray(B * heads * N * dv, 3);
		const dOa = randomArray(va.length, 4);
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
		expect(
			toleranceRatio(got, retentionParallel(qa, ka, va, gamma, shape), TOL.atol, TOL.rtol)
		).toBeLessThanOrEqual(1);
		const g = retentionGradients(retentionParallel, qa, ka, va, gamma, dOa, shape);
		(['dq', 'dk', 'dv'] as const).forEach((name, i) =>
			expect(toleranceRatio(gGot[i], g[name], TOL.atol, TOL.rtol), name).toBeLessThanOrEqual(1)
		);
	});

	it('retentionDecays(h) are RetNet’s 1 − 2^(−5−h)', () => {
		expect(retentionDecays(3)).toEqual([1 - 1 / 32, 1 - 1 / 64, 1 - 1 / 128]);
	});

	it('retentionStep refuses mismatched shapes with a message naming them', () => {
		const s = tf.zeros([1, 2, 3, 4]) as tf.Tensor4D;
		const q = tf.zeros([1, 2, 3]) as tf.Tensor3D;
		const v = tf.zeros([1, 2, 5]) as tf.Tensor3D;
		expect(() => retentionStep(s, q, q, v, [0.9, 0.9])).toThrow(/v \[1,2,5\]/);
		tf.dispose([s, q, v]);
	});
});

describe('FusedRetention off WebGPU', () => {
	it('step() token by token gives what call() gives, and the layer survives a JSON round trip', async () => {
		const [B, T, D] = [2, 6, 5];
		const layer = new FusedRetention({
			heads: 2,
			keyDim: 3,
			valueDim: 4,
			units: 3,
			inputShape: [T, D]
		});
		const model = tf.sequential({ layers: [layer] });
		const x = tf.tensor3d(randomArray(B * T * D, 7), [B, T, D]);
		const y = model.predict(x) as tf.Tensor3D;
		expect(y.shape).toEqual([B, T, 3]);
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
		expect(
			toleranceRatio(await stepped.data(), await y.data(), TOL.atol, TOL.rtol)
		).toBeLessThanOrEqual(1);
		tf.dispose([stepped, state, ...outs]);
		expect(tf.memory().numTensors).toBe(before);

		const copy = await tf.models.modelFromJSON({ modelTopology: model.toJSON(null, false) });
		const weights = model.getWeights();
		copy.setWeights(weights);
		const y2 = copy.predict(x) as tf.Tensor;
		expect(copy.layers[0]).toBeInstanceOf(FusedRetention);
		expect(Array.from(await y2.data())).toEqual(Array.from(await y.data()));
		tf.dispose([x, y, y2]);
		model.dispose();
		copy.dispose();
	});
});

describe('MinGRU off WebGPU (f64 scan twin)', () => {
	it('h and the gradients of x, kernel and bias equal the sequential f64 minGRU', async () => {
		const s = { batch: 2, steps: 8, inputSize: 3, units: 4 };
		const { batch: B, steps: T, inputSize: D, units: C } = s;
		const xa = randomArray(B * T * D, 11);
		const ka = randomArray(D * 2 * C, 12);
		const ba = randomArray(2 * C, 13, 0.5);
		const dha = randomArray(B * T * C, 14);
		const layer = new MinGRU({ units: C, returnSequences: true });
		const x = tf.tensor3d(xa, [B, T, D]);
		layer.build(x.shape);
		const init = [tf.tensor2d(ka, [D, 2 * C]), tf.tensor1d(ba)];
		layer.setWeights(init);
		tf.dispose(init);
		const dh = tf.tensor3d(dha, [B, T, C]);
		const before = tf.memory().numTensors;
		const xv = tf.variable(x);
		const vars = [xv, ...layer.trainableWeights.map((v) => v.read() as tf.Variable)];
		const h = layer.apply(x) as tf.Tensor;
		const { value, grads } = tf.variableGrads(
			() => tf.sum(tf.mul(layer.apply(xv) as tf.Tensor, dh)),
			vars
		);
		const [hd, dx, dKernel, dBias] = await Promise.all(
			[h, ...vars.map((v) => grads[v.name])].map((t) => t.data())
		);
		tf.dispose([h, value, xv, ...Object.values(grads)]);
		expect(tf.memory().numTensors).toBe(before);
		tf.dispose([x, dh]);
		disposeWeights(layer);
		const ref = minGruLayerReference(xa, ka, ba, dha, s);
		const got = { h: hd, dx, dKernel, dBias };
		for (const name of ['h', 'dx', 'dKernel', 'dBias'] as const)
			expect(toleranceRatio(got[name], ref[name], TOL.atol, TOL.rtol), name).toBeLessThanOrEqual(1);
	});

	it('returns the last step by default and survives a JSON round trip', async () => {
		const model = tf.sequential({ layers: [new MinGRU({ units: 3, inputShape: [5, 2] })] });
		const x = tf.tensor3d(randomArray(2 * 5 * 2, 21), [2, 5, 2]);
		const y = model.predict(x) as tf.Tensor;
		expect(y.shape).toEqual([2, 3]);
		const copy = await tf.models.modelFromJSON({ modelTopology: model.toJSON(null, false) });
		copy.setWeights(model.getWeights());
		const y2 = copy.predict(x) as tf.Tensor;
		expect(copy.layers[0]).toBeInstanceOf(MinGRU);
		expect(Array.from(await y2.data())).toEqual(Array.from(await y.data()));
		tf.dispose([x, y, y2]);
		model.dispose();
		copy.dispose();
	});
});

describe('fusedRunInfo', () => {
	it('names the fused kernels of a model and the measured step on the CPU backend', async () => {
		const model = tf.sequential({
			layers: [
				new FusedLSTM({ units: 4, returnSequences: true, inputShape: [5, 2] }),
				new MinGRU({ units: 3 }),
				tf.layers.dense({ units: 1 })
			]
		});
		model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
		const x = tf.tensor3d(randomArray(3 * 5 * 2, 31), [3, 5, 2]);
		const y = tf.tensor2d(randomArray(3, 32), [3, 1]);
		const measure = await measureTrainingStep(() => model.trainOnBatch(x, y));
		const info = fusedRunInfo(model, measure);
		expect(info).toMatchObject({
			backend: 'cpu',
			kernels: ['fused-lstm', 'min-gru-scan'],
			dispatchesPerStep: 0
		});
		expect(info.msPerStep).toBeGreaterThan(0);
		tf.dispose([x, y]);
		model.dispose();
	});

	it('takes the median of several measured steps and refuses none', () => {
		const m = (ms: number, dispatches: number) => ({ ms, dispatches, backend: 'webgpu' });
		const model = { layers: [new FusedRetention({ heads: 1, keyDim: 2 })] };
		expect(fusedRunInfo(model, [m(3, 12), m(1, 12), m(2, 12)])).toEqual({
			backend: 'webgpu',
			kernels: ['fused-retention'],
			dispatchesPerStep: 12,
			msPerStep: 2
		});
		expect(() => fusedRunInfo(model, [])).toThrow(/at least one/);
	});
});

describe('sequence programs (no GPU needed)', () => {
	it('name programs by kernel and workgroup size only: shapes are uniforms, not part of the shader', () => {
		const a = retentionProgram('output', [4, 37, 5], 4 * 37 * 5);
		const b = retentionProgram('output', [8, 512, 32], 8 * 512 * 32);
		expect(a.shaderKey).toBe(b.shaderKey);
		expect(a.dispatch).toEqual([Math.ceil((4 * 37 * 5) / 64), 1, 1]);
		expect([1, 33, 100, 300].map(scanWorkgroupSize)).toEqual([32, 64, 128, 256]);
	});
});
