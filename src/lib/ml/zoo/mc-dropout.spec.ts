import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { conformalScale, intervalCoverage, preset, scaledIntervals } from '$lib/core/models';
import type { ModelSpec } from '$lib/core/protocol';
import { CounterRng } from '$lib/core/random/philox';
import { selectBackend } from '../backend';
import { anomalyScores, buildModel, mcDropoutPredict, zooLoss, type BuiltModel } from '.';

beforeAll(async () => {
	await selectBackend('cpu');
});

/**
 * An ARCH(1)-style heteroscedastic series (Engle 1982): r_t = σ_t ε_t with σ_t = 0.1 + 0.6·|r_{t−1}|,
 * so the spread of the next value depends on the last one. Samples: x = r_{t−1}, y = 0.5·r_{t−1} + r_t.
 */
function heteroscedastic(n: number, seed: number) {
	const rng = new CounterRng(seed, 3);
	const x = new Float32Array(n);
	const y = new Float32Array(n);
	let prev = 0;
	for (let i = 0; i < n; i++) {
		const r = (0.1 + 0.6 * Math.abs(prev)) * rng.normal();
		x[i] = prev;
		y[i] = 0.5 * prev + r;
		prev = Math.max(-2, Math.min(2, r));
	}
	return { x, y };
}

const mcSpec: ModelSpec = {
	version: 1,
	name: 'mc',
	input: { window: 1, features: 1 },
	blocks: [
		{ type: 'flatten' },
		{ type: 'dense', units: 16, activation: 'relu' },
		{ type: 'dropout', rate: 0.2 },
		{ type: 'dense', units: 16, activation: 'relu' },
		{ type: 'dropout', rate: 0.2 }
	],
	heads: [{ name: 'y', kind: 'regression', units: 1 }]
};

function build(spec: ModelSpec, seed: number): BuiltModel {
	const r = buildModel(spec, { seed });
	if (!r.ok) throw new Error(r.message);
	return r.value;
}

describe('Monte-Carlo dropout (Gal & Ghahramani 2016) with conformal calibration', () => {
	it('90% intervals cover 85–95% of 2,000 held-out points of a heteroscedastic series', async () => {
		const before = tf.memory().numTensors;
		const { x, y } = heteroscedastic(3600, 21);
		const split = (from: number, to: number) => ({
			x: x.subarray(from, to),
			y: y.subarray(from, to)
		});
		const [train, cal, test] = [split(0, 600), split(600, 1600), split(1600, 3600)];
		const built = build(mcSpec, 4);
		const xt = tf.tensor3d(train.x, [train.x.length, 1, 1]);
		const yt = tf.tensor2d(train.y, [train.y.length, 1]);
		const opt = tf.train.adam(0.01);
		for (let s = 0; s < 100; s++) opt.minimize(() => zooLoss(built, xt, [yt]), true)?.dispose();
		opt.dispose();
		tf.dispose([xt, yt]);

		const predict = async (part: { x: Float32Array }) => {
			const t = tf.tensor3d(part.x, [part.x.length, 1, 1]);
			const [out] = await mcDropoutPredict(built, t, 30, 99);
			t.dispose();
			return out;
		};
		const calOut = await predict(cal);
		const q = conformalScale(cal.y, calOut.mean, calOut.std, 0.1);
		const testOut = await predict(test);
		const { lo, hi } = scaledIntervals(testOut.mean, testOut.std, q);
		const coverage = intervalCoverage(test.y, lo, hi);
		expect(coverage).toBeGreaterThanOrEqual(0.85);
		expect(coverage).toBeLessThanOrEqual(0.95);
		built.model.dispose();
		expect(tf.memory().numTensors).toBe(before);
	}, 30_000);

	it('is deterministic under a seed, and a different seed draws different masks', async () => {
		const built = build(preset('cnn_lstm', { window: 6, features: 2, width: 4 }), 2);
		const x = tf.tidy(() => tf.randomNormal([5, 6, 2], 0, 1, 'float32', 3));
		const a = await mcDropoutPredict(built, x, 8, 1);
		const b = await mcDropoutPredict(built, x, 8, 1);
		const c = await mcDropoutPredict(built, x, 8, 2);
		expect(b).toEqual(a);
		expect(c[1].mean).not.toEqual(a[1].mean);
		expect(a.map((o) => o.name)).toEqual(['direction', 'next_return']);
		// Dropout is on, so the samples disagree: a spread above zero.
		expect(Math.min(...a[1].std)).toBeGreaterThan(0);
		x.dispose();
		built.model.dispose();
	});
});

describe('autoencoder anomaly scores', () => {
	it('windows unlike the training data score higher than windows like it', async () => {
		const spec = preset('autoencoder', { window: 6, features: 2, width: 8 });
		const built = build(spec, 6);
		const rng = new CounterRng(5, 1);
		const smooth = (n: number, amp: number) =>
			tf.tensor3d(
				Float32Array.from(
					{ length: n * 12 },
					(_, i) => amp * Math.sin(i / 3) + 0.05 * rng.normal()
				),
				[n, 6, 2]
			);
		const normal = smooth(64, 1);
		const opt = tf.train.adam(0.02);
		for (let s = 0; s < 120; s++)
			opt.minimize(() => zooLoss(built, normal, [null]), true)?.dispose();
		opt.dispose();
		const odd = tf.tidy(() => tf.randomNormal([16, 6, 2], 0, 3, 'float32', 4));
		const [seen, unseen] = [
			await anomalyScores(built, normal.slice([0, 0, 0], [16, 6, 2])),
			await anomalyScores(built, odd)
		];
		const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
		expect(mean(unseen)).toBeGreaterThan(5 * mean(seen));
		tf.dispose([normal, odd]);
		built.model.dispose();
	});
});
