import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend';
import {
	AdditiveAttentionPool,
	CausalPad1D,
	DilatedConv1D,
	MixtureOfExperts,
	MultiHeadAttention,
	MultiHeadAttentionPool,
	Retention,
	retentionChunkwise,
	retentionDecays,
	retentionParallel,
	retentionRecurrent,
	SeededDropout,
	SequencePool,
	SinusoidalPosition,
	sinusoidalTable
} from '.';
import { gradCheck, randomTensor } from './testing/grad-check';

beforeAll(async () => {
	await selectBackend('cpu');
});

/** A causal, dilated conv as the zoo builds it: left padding, then the 'valid' tap sum. */
function causalConv(dilation: number, seed: number) {
	return tf.sequential({
		layers: [
			new CausalPad1D({ padding: dilation * 2, inputShape: [7, 3] }),
			new DilatedConv1D({ filters: 2, kernelSize: 3, dilation, activation: 'tanh', seed })
		]
	});
}

/** The same stack as a single layer, for the gradient check. */
function causalConvLayer(): tf.layers.Layer {
	const model = tf.sequential({
		layers: [
			new CausalPad1D({ padding: 4, inputShape: [7, 3] }),
			new DilatedConv1D({ filters: 2, kernelSize: 3, dilation: 2, activation: 'tanh', seed: 7 })
		]
	});
	return model as unknown as tf.layers.Layer;
}

describe('gradient checks (finite differences, float32, relative tolerance 2e-2)', () => {
	const cases: [string, () => tf.layers.Layer, number[]][] = [
		[
			'additive attention pooling (Bahdanau 2015)',
			() => new AdditiveAttentionPool({ units: 3, seed: 1 }),
			[2, 5, 3]
		],
		[
			'multi-head attention pooling',
			() => new MultiHeadAttentionPool({ heads: 2, keyDim: 2, seed: 2 }),
			[2, 5, 3]
		],
		[
			'causal multi-head self-attention (Vaswani 2017)',
			() => new MultiHeadAttention({ heads: 2, keyDim: 2, causal: true, seed: 3 }),
			[2, 4, 3]
		],
		[
			'retention, parallel form (Sun 2023)',
			() => new Retention({ heads: 2, keyDim: 2, form: 'parallel', chunkSize: 2, seed: 4 }),
			[2, 5, 3]
		],
		[
			'retention, chunkwise form',
			() => new Retention({ heads: 2, keyDim: 2, form: 'chunkwise', chunkSize: 2, seed: 4 }),
			[2, 5, 3]
		],
		[
			'retention, recurrent form',
			() => new Retention({ heads: 2, keyDim: 2, form: 'recurrent', chunkSize: 2, seed: 4 }),
			[1, 4, 3]
		],
		[
			'mixture of experts, top-2 (Shazeer 2017)',
			() =>
				new MixtureOfExperts({
					experts: 3,
					topK: 2,
					hidden: 3,
					capacityFactor: 4,
					auxWeight: 0,
					seed: 5
				}),
			[2, 3, 3]
		],
		[
			'dilated conv1d (dilation 2, kernel 3)',
			() =>
				new DilatedConv1D({ filters: 2, kernelSize: 3, dilation: 2, activation: 'tanh', seed: 6 }),
			[2, 7, 3]
		]
	];
	cases.push(
		['causal padding + dilated conv (WaveNet)', () => causalConvLayer(), [2, 7, 3]],
		['last-step pooling', () => new SequencePool({ mode: 'last' }), [2, 4, 3]],
		['mean pooling', () => new SequencePool({ mode: 'mean' }), [2, 4, 3]],
		['sinusoidal positions', () => new SinusoidalPosition({}), [2, 4, 6]]
	);
	it.each(cases)('%s: analytic gradients match central differences', (_name, make, shape) => {
		const before = tf.memory().numTensors;
		const layer = make();
		const { mismatches, checked } = gradCheck(layer, shape, { seed: 17 });
		expect(checked).toBeGreaterThanOrEqual(6);
		expect(mismatches).toEqual([]);
		layer.dispose();
		expect(tf.memory().numTensors).toBe(before);
	});
});

describe('causal layers never look ahead', () => {
	it('a causal dilated conv keeps the length, and output t ignores inputs after t', () => {
		const model = causalConv(2, 9);
		const x = randomTensor([1, 7, 3], 1);
		const later = tf.concat([x.slice([0, 0, 0], [1, 4, 3]), randomTensor([1, 3, 3], 2)], 1);
		const [a, b] = [model.predict(x) as tf.Tensor, model.predict(later) as tf.Tensor];
		expect(a.shape).toEqual([1, 7, 2]);
		expect(Array.from(b.slice([0, 0, 0], [1, 4, 2]).dataSync())).toEqual(
			Array.from(a.slice([0, 0, 0], [1, 4, 2]).dataSync())
		);
		expect(Array.from(b.slice([0, 4, 0], [1, 3, 2]).dataSync())).not.toEqual(
			Array.from(a.slice([0, 4, 0], [1, 3, 2]).dataSync())
		);
		tf.dispose([x, later, a, b]);
		model.dispose();
	});

	it('the tap-sum conv equals tfjs conv1d where tfjs can compute it (forward, dilation 2)', () => {
		const conv = new DilatedConv1D({
			filters: 2,
			kernelSize: 3,
			dilation: 2,
			activation: 'linear',
			seed: 4
		});
		const x = randomTensor([2, 9, 3], 3);
		const ours = conv.apply(x) as tf.Tensor;
		const [kernel, bias] = conv.getWeights();
		const ref = tf.conv1d(x as tf.Tensor3D, kernel as tf.Tensor3D, 1, 'valid', 'NWC', 2).add(bias);
		expect(ours.shape).toEqual([2, 5, 2]);
		expect(tf.max(tf.abs(ours.sub(ref))).dataSync()[0]).toBeLessThan(1e-5);
		tf.dispose([x, ours, ref]);
		conv.dispose();
	});

	it.each([true, false])(
		'self-attention with causal=%s: changing the last step changes earlier outputs only when not causal',
		(causal) => {
			const mha = new MultiHeadAttention({ heads: 2, keyDim: 2, causal, seed: 5 });
			const x = randomTensor([1, 5, 4], 5);
			const y = tf.concat([x.slice([0, 0, 0], [1, 4, 4]), randomTensor([1, 1, 4], 6)], 1);
			const [a, b] = [mha.apply(x) as tf.Tensor, mha.apply(y) as tf.Tensor];
			const firstDiff = tf
				.max(tf.abs(a.slice([0, 0, 0], [1, 4, 4]).sub(b.slice([0, 0, 0], [1, 4, 4]))))
				.dataSync()[0];
			if (causal) expect(firstDiff).toBe(0);
			else expect(firstDiff).toBeGreaterThan(1e-4);
			tf.dispose([x, y, a, b]);
			mha.dispose();
		}
	);
});

describe('retention (Sun et al. 2023): three forms, one function', () => {
	it('uses the paper decays γ_h = 1 − 2^(−5−h)', () => {
		expect(retentionDecays(3)).toEqual([1 - 1 / 32, 1 - 1 / 64, 1 - 1 / 128]);
	});

	it.each([1, 3, 4, 16])(
		'parallel = recurrent = chunkwise (chunk %i) within 1e-4 on T = 10',
		(chunk) => {
			const [q, k, v] = [
				randomTensor([2, 3, 10, 4], 1),
				randomTensor([2, 3, 10, 4], 2),
				randomTensor([2, 3, 10, 4], 3)
			];
			const gammas = [0.5, 0.9, 0.97];
			const p = retentionParallel(q, k, v, gammas);
			const r = retentionRecurrent(q, k, v, gammas);
			const c = retentionChunkwise(q, k, v, gammas, chunk);
			expect(tf.max(tf.abs(p.sub(r))).dataSync()[0]).toBeLessThan(1e-4);
			expect(tf.max(tf.abs(p.sub(c))).dataSync()[0]).toBeLessThan(1e-4);
			tf.dispose([q, k, v, p, r, c]);
		}
	);

	it('a Retention layer gives the same outputs in every form', () => {
		const layer = new Retention({ heads: 2, keyDim: 3, form: 'parallel', chunkSize: 3, seed: 8 });
		const x = randomTensor([2, 11, 5], 4);
		const outs = (['parallel', 'recurrent', 'chunkwise'] as const).map((form) => {
			layer.form = form;
			return layer.apply(x) as tf.Tensor;
		});
		expect(tf.max(tf.abs(outs[0].sub(outs[1]))).dataSync()[0]).toBeLessThan(1e-4);
		expect(tf.max(tf.abs(outs[0].sub(outs[2]))).dataSync()[0]).toBeLessThan(1e-4);
		tf.dispose([x, ...outs]);
		layer.dispose();
	});
});

describe('sinusoidal positions', () => {
	it('PE[t, 0] = sin t and PE[t, 1] = cos t (Vaswani 2017 §3.5)', () => {
		const t = sinusoidalTable(4, 6);
		expect(t[3 * 6]).toBeCloseTo(Math.sin(3), 6);
		expect(t[3 * 6 + 1]).toBeCloseTo(Math.cos(3), 6);
		expect(t[2 * 6 + 2]).toBeCloseTo(Math.sin(2 / Math.pow(10000, 2 / 6)), 6);
	});
});

describe('seeded dropout', () => {
	it('draws a fresh mask each training call, the same sequence after reseed, and nothing at inference', () => {
		const layer = new SeededDropout({ rate: 0.5, seed: 3 });
		const x = tf.ones([1, 64]);
		const draw = (training: boolean) =>
			Array.from((layer.apply(x, { training }) as tf.Tensor).dataSync());
		layer.reseed(9);
		const [a, b] = [draw(true), draw(true)];
		layer.reseed(9);
		const [c, d] = [draw(true), draw(true)];
		expect(a).not.toEqual(b);
		expect([c, d]).toEqual([a, b]);
		expect(draw(false)).toEqual(Array(64).fill(1));
		x.dispose();
	});
});
