import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { recurrenceWorkgroupSize, type RnnCell } from '$lib/compute/rnn';
import { FusedGRU, FusedLSTM, recurrentLayer } from './fused-rnn-layer';
import { recurrenceProgram } from './recurrence-program';
import { lcg, toleranceRatio } from './testing-fixtures';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

/**
 * On the CPU backend the fused layer runs the f64 twin and rounds to f32, while tfjs-layers runs
 * f32 ops, so outputs agree to f32 rounding of the tfjs side: 1e-5 + 1e-5·max. */
const TOL = { atol: 1e-5, rtol: 1e-5 };

const randomTensor = (shape: number[], seed: number) => {
	const r = lcg(seed);
	return tf.tensor(
		Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * r()),
		shape
	);
};

function copyWeights(from: tf.LayersModel, to: tf.LayersModel) {
	to.setWeights(from.getWeights());
}

describe('FusedLSTM / FusedGRU off WebGPU (CPU backend, f64 twin)', () => {
	for (const cell of ['lstm', 'gru'] as RnnCell[]) {
		it(`a stacked two-layer ${cell} model predicts what the tfjs-layers model predicts with the same weights`, async () => {
			const build = (fused: boolean) =>
				tf.sequential({
					layers: [
						recurrentLayer(
							cell,
							{
								units: 6,
								returnSequences: true,
								recurrentActivation: 'sigmoid',
								inputShape: [5, 3]
							},
							{ fused }
						),
						recurrentLayer(cell, { units: 4, goBackwards: true }, { fused })
					]
				});
			const ref = build(false);
			const fused = build(true);
			copyWeights(ref, fused);
			const x = randomTensor([2, 5, 3], 1);
			const [want, got] = [ref, fused].map((m) => m.predict(x) as tf.Tensor);
			expect(got.shape).toEqual([2, 4]);
			expect(
				toleranceRatio(await got.data(), await want.data(), TOL.atol, TOL.rtol)
			).toBeLessThanOrEqual(1);
			tf.dispose([x, want, got]);
		});
	}

	it('works inside tf.layers.bidirectional, which rebuilds the backward copy from getConfig()', async () => {
		const build = (fused: boolean) =>
			tf.sequential({
				layers: [
					tf.layers.bidirectional({
						layer: recurrentLayer(
							'gru',
							{ units: 5, returnSequences: true, recurrentActivation: 'sigmoid' },
							{ fused }
						) as tf.RNN,
						inputShape: [4, 2],
						mergeMode: 'concat'
					})
				]
			});
		const ref = build(false);
		const fused = build(true);
		copyWeights(ref, fused);
		const x = randomTensor([3, 4, 2], 2);
		const [want, got] = [ref, fused].map((m) => m.predict(x) as tf.Tensor);
		expect(got.shape).toEqual([3, 4, 10]);
		expect(
			toleranceRatio(await got.data(), await want.data(), TOL.atol, TOL.rtol)
		).toBeLessThanOrEqual(1);
		tf.dispose([x, want, got]);
	});

	it('round-trips through model JSON (a registered class) with its config', async () => {
		const model = tf.sequential({
			layers: [
				new FusedLSTM({
					units: 3,
					inputShape: [2, 2],
					goBackwards: true,
					recurrentActivation: 'sigmoid',
					unitForgetBias: true
				})
			]
		});
		const bias = model.layers[0].getWeights()[2];
		// unitForgetBias: the forget block (second of i f c o) starts at 1.
		expect(Array.from(await bias.data())).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
		const topology = JSON.parse(JSON.stringify(model.toJSON(null, false)));
		const restored = await tf.models.modelFromJSON({ modelTopology: topology });
		const layer = restored.layers[0] as FusedLSTM;
		expect(layer).toBeInstanceOf(FusedLSTM);
		expect([
			layer.units,
			layer.goBackwards,
			layer.recurrentActivation,
			layer.unitForgetBias
		]).toEqual([3, true, 'sigmoid', true]);
	});

	it('refuses tfjs options it cannot honour instead of ignoring them', () => {
		expect(() => new FusedGRU({ units: 4, dropout: 0.1 })).toThrow(/dropout/);
		expect(() => new FusedLSTM({ units: 4, returnState: true })).toThrow(/returnState/);
		expect(() => new FusedLSTM({ units: 0 })).toThrow(/units/);
	});
});

describe('recurrence kernels: sizing and pipeline keys', () => {
	const limits = {
		maxComputeInvocationsPerWorkgroup: 256,
		maxComputeWorkgroupSizeX: 256,
		maxComputeWorkgroupStorageSize: 16384
	};
	it('uses one thread per unit rounded up to a power of two ≥ 32, within the adapter limits', () => {
		expect(recurrenceWorkgroupSize('lstm', 7, limits)).toEqual({ ok: true, size: 32 });
		expect(recurrenceWorkgroupSize('gru', 65, limits)).toEqual({ ok: true, size: 128 });
		expect(recurrenceWorkgroupSize('lstm', 256, limits)).toEqual({ ok: true, size: 256 });
		const tooWide = recurrenceWorkgroupSize('lstm', 257, limits);
		expect(tooWide.ok).toBe(false);
		expect(!tooWide.ok && tooWide.message).toMatch(/at most 256 units/);
	});

	it('keys programs by kernel and workgroup size only, so shapes share a pipeline', () => {
		const a = recurrenceProgram('lstm', 'forward', [2, 9, 49], 32);
		const b = recurrenceProgram('lstm', 'forward', [64, 64, 448], 32);
		expect(a.shaderKey).toBe(b.shaderKey);
		expect(recurrenceProgram('gru', 'backward', [2, 9, 21], 64).shaderKey).not.toBe(a.shaderKey);
		expect(a.getUserCode()).toContain('array<f32, 32>');
	});
});
