// The engine on tfjs' WASM backend (XNNPACK, read from node_modules in Node): it learns, and a seed
// fixes the result bit for bit, as on the CPU backend.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '$lib/ml/backend';
import { runTraining } from './train-loop';
import { TINY_CONFIG, flatWeights, tinyData, tinyModel } from './testing/tiny-problem';

async function train() {
	const model = tinyModel();
	const r = await runTraining({
		model,
		data: tinyData(),
		config: { ...TINY_CONFIG, epochs: 6, learningRate: 0.03 }
	});
	const weights = await flatWeights(model);
	model.dispose();
	if (!r.ok) throw new Error(r.message);
	return { outcome: r.value, weights };
}

describe('runTraining on the WASM backend', () => {
	beforeAll(async () => {
		expect((await selectBackend('wasm')).backend).toBe('wasm');
	});
	afterAll(async () => {
		await tf.setBackend('cpu');
	});

	it("selectBackend('wasm') runs on WASM, reported as software, without a notice", async () => {
		const sel = await selectBackend('wasm');
		expect(sel).toEqual({ backend: 'wasm', software: true });
		expect(tf.getBackend()).toBe('wasm');
	});

	it('trains the tiny GRU with a decreasing loss', async () => {
		const { outcome } = await train();
		expect(outcome.backend).toBe('wasm');
		const losses = outcome.history.map((h) => h.loss);
		expect(losses.at(-1)!).toBeLessThan(losses[0] * 0.9);
	});

	it('gives bit-identical weights for the same seed, data and config', async () => {
		const a = await train();
		const b = await train();
		expect(b.weights).toEqual(a.weights);
		expect(b.outcome.history).toEqual(a.outcome.history);
	});
});
