import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OptimizerConfig } from '$lib/core/protocol/training';
import { SlotOptimizer } from './optimizer';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const GRADS = [
	[0.5, 0.25],
	[-1, 0.5]
];

/** Two steps from θ = [1, −2] with the gradients above at lr 0.1; θ after each step. */
async function run(config: unknown): Promise<number[][]> {
	const before = tf.memory().numTensors;
	const theta = tf.tidy(() => tf.variable(tf.tensor1d([1, -2])));
	const opt = new SlotOptimizer(OptimizerConfig.parse(config), [theta]);
	const out: number[][] = [];
	for (const g of GRADS) {
		const grad = tf.tensor1d(g);
		opt.apply([grad], 0.1);
		grad.dispose();
		out.push(Array.from(await theta.data()));
	}
	opt.dispose();
	theta.dispose();
	expect(tf.memory().numTensors).toBe(before);
	return out;
}

// Expected values: Kingma & Ba 2015 Algorithm 1 and Loshchilov & Hutter 2019 Algorithm 2 stepped in
// f64 with numpy 1.24 (/usr/bin/python3); the first steps also by hand: Adam's bias-corrected first
// step is η·g/(|g| + ε) ≈ η·sign(g).
describe('SlotOptimizer', () => {
	it('sgd with momentum 0.9 follows v ← μv + g, θ ← θ − ηv', async () => {
		const [s1, s2] = await run({ type: 'sgd', momentum: 0.9 });
		expect(s1[0]).toBeCloseTo(0.95, 6); // v = 0.5
		expect(s2[0]).toBeCloseTo(1.005, 6); // v = 0.45 − 1 = −0.55
		expect(s2[1]).toBeCloseTo(-2 - 0.1 * 0.25 - 0.1 * (0.9 * 0.25 + 0.5), 6);
	});

	it('adam takes bias-corrected steps: first step η·sign(g), second as computed in f64', async () => {
		const [s1, s2] = await run({ type: 'adam' });
		expect(s1[0]).toBeCloseTo(0.9, 6);
		expect(s1[1]).toBeCloseTo(-2.1, 6);
		expect(s2[0]).toBeCloseTo(0.93661035, 6);
		expect(s2[1]).toBeCloseTo(-2.1965182, 6);
	});

	it('adamw differs from adam exactly by the decoupled decay η·λ·θ', async () => {
		const adam = await run({ type: 'adam' });
		const adamw = await run({ type: 'adamw', weightDecay: 0.1 });
		// Step 1 from θ0 = [1, −2]: the difference is −η·λ·θ0 = [−0.01, +0.02].
		expect(adamw[0][0] - adam[0][0]).toBeCloseTo(-0.01, 6);
		expect(adamw[0][1] - adam[0][1]).toBeCloseTo(0.02, 6);
		expect(adamw[1][0]).toBeCloseTo(0.91771035, 6);
		expect(adamw[1][1]).toBeCloseTo(-2.1557182, 6);
	});

	it('adamw with weight decay 0 is adam', async () => {
		expect(await run({ type: 'adamw', weightDecay: 0 })).toEqual(await run({ type: 'adam' }));
	});

	it('restores a snapshot so the next step is the same as without the round trip', async () => {
		const theta = tf.variable(tf.tensor1d([1, -2]));
		const opt = new SlotOptimizer(OptimizerConfig.parse({ type: 'adam' }), [theta]);
		const g = tf.tensor1d([0.5, 0.25]);
		opt.apply([g], 0.1);
		const saved = await opt.snapshot();
		const thetaAfter1 = await theta.data();
		opt.apply([g], 0.1);
		const direct = Array.from(await theta.data());

		const theta2 = tf.variable(tf.tensor1d(thetaAfter1));
		const opt2 = new SlotOptimizer(OptimizerConfig.parse({ type: 'adam' }), [theta2]);
		opt2.restore(saved);
		opt2.apply([g], 0.1);
		expect(Array.from(await theta2.data())).toEqual(direct);
		expect(opt2.step).toBe(2);
		expect(() =>
			new SlotOptimizer(OptimizerConfig.parse({ type: 'sgd' }), [theta2]).restore(saved)
		).toThrow(/adam/);
		tf.dispose([theta, theta2, g]);
		opt.dispose();
		opt2.dispose();
	});
});
