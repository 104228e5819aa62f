import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '$lib/core/protocol';
import { selectBackend } from '../backend';
import { MixtureOfExperts } from '../layers';
import { randomTensor } from '../layers/testing/grad-check';
import { buildModel, expertUtilisation, zooLoss, type BuiltModel } from '.';

beforeAll(async () => {
	await selectBackend('cpu');
});

describe('mixture-of-experts capacity (Fedus et al. 2021)', () => {
	it('no expert takes more tokens than its capacity, and the overflow passes through unchanged', () => {
		const layer = new MixtureOfExperts({
			experts: 2,
			topK: 1,
			hidden: 3,
			capacityFactor: 0.5,
			auxWeight: 0.01,
			seed: 2
		});
		const x = randomTensor([16, 3], 3);
		const y = layer.apply(x) as tf.Tensor;
		const r = layer.route(x as tf.Tensor2D);
		expect(r.capacity).toBe(4); // ceil(0.5 · 1 · 16 / 2)
		const perExpert = Array.from(r.accepted.sum(0).dataSync());
		perExpert.forEach((n) => expect(n).toBeLessThanOrEqual(4));
		const passed = Array.from(r.passed.dataSync());
		expect(passed.filter((p) => p === 1).length).toBe(16 - perExpert.reduce((a, b) => a + b, 0));
		const xs = x.arraySync() as number[][];
		const ys = y.arraySync() as number[][];
		passed.forEach((p, i) => {
			if (p === 1) expect(ys[i]).toEqual(xs[i]);
			else expect(ys[i]).not.toEqual(xs[i]);
		});
		tf.dispose([x, y, r.probs, r.combine, r.passed, r.firstChoice, r.accepted]);
		layer.dispose();
	});

	it('with top-2 routing every token is accepted by at most two experts', () => {
		const layer = new MixtureOfExperts({
			experts: 4,
			topK: 2,
			hidden: 2,
			capacityFactor: 1,
			auxWeight: 0,
			seed: 4
		});
		const x = randomTensor([12, 3], 5);
		(layer.apply(x) as tf.Tensor).dispose();
		const r = layer.route(x as tf.Tensor2D);
		expect(Math.max(...Array.from(r.accepted.sum(1).dataSync()))).toBeLessThanOrEqual(2);
		expect(Math.max(...Array.from(r.accepted.sum(0).dataSync()))).toBeLessThanOrEqual(r.capacity);
		tf.dispose([x, r.probs, r.combine, r.passed, r.firstChoice, r.accepted]);
		layer.dispose();
	});
});

describe('the Switch auxiliary loss balances experts', () => {
	const spec = (auxWeight: number): ModelSpec => ({
		version: 1,
		name: 'moe balance',
		input: { window: 4, features: 3 },
		blocks: [
			{ type: 'moe', experts: 4, topK: 1, hidden: 4, capacityFactor: 4, auxWeight },
			{ type: 'pool', mode: 'mean' }
		],
		heads: [{ name: 'y', kind: 'regression', units: 1 }]
	});

	/** Starts from a router that sends nearly every token to expert 0, then trains 60 Adam steps. */
	async function trained(
		auxWeight: number
	): Promise<{ start: number; end: number; maxShare: number }> {
		const r = buildModel(spec(auxWeight), { seed: 5 });
		if (!r.ok) throw new Error(r.message);
		const built: BuiltModel = r.value;
		const moe = built.model.layers.find((l) => l instanceof MixtureOfExperts)!;
		// Feature 0 is a constant 1 and the router's first row favours expert 0: a collapsed start.
		const [router, ...rest] = moe.getWeights();
		const skew = tf.tidy(() =>
			router.add(
				tf.tensor2d([
					[3, 0, 0, 0],
					[0, 0, 0, 0],
					[0, 0, 0, 0]
				])
			)
		);
		moe.setWeights([skew, ...rest]);
		skew.dispose();
		const x = tf.tidy(() => tf.concat([tf.ones([64, 4, 1]), randomTensor([64, 4, 2], 8)], 2));
		const y = tf.tidy(() =>
			x
				.slice([0, 0, 1], [64, 4, 1])
				.mean(1)
				.mul(x.slice([0, 0, 2], [64, 4, 1]).mean(1))
		);
		const start = (await expertUtilisation(built, x))[0].entropy;
		const opt = tf.train.adam(0.05);
		for (let s = 0; s < 60; s++) opt.minimize(() => zooLoss(built, x, [y]), true)?.dispose();
		const [u] = await expertUtilisation(built, x);
		opt.dispose();
		tf.dispose([x, y]);
		built.model.dispose();
		return { start, end: u.entropy, maxShare: Math.max(...u.share) };
	}

	it('utilisation entropy rises and the largest share drops with the aux loss, not without it', async () => {
		const before = tf.memory().numTensors;
		const without = await trained(0);
		const withAux = await trained(1);
		expect(withAux.start).toBeLessThan(0.5 * Math.log(4));
		expect(withAux.end).toBeGreaterThan(withAux.start);
		expect(withAux.end).toBeGreaterThan(without.end);
		expect(withAux.maxShare).toBeLessThan(without.maxShare);
		expect(withAux.maxShare).toBeLessThan(0.5);
		expect(tf.memory().numTensors).toBe(before);
	}, 30_000);
});
