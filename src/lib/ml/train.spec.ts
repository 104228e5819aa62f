import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { portFromSignal, signalFromPort } from '$lib/bridge/abort-port';
import { selectBackend } from './backend';
import { buildSequenceModel } from './gru-regressor';
import { arWindows } from './synthetic-series';
import { predict, trainModel, type TrainOptions, type TrainProgress } from './train';

beforeAll(async () => {
	await selectBackend('cpu');
});

const data = arWindows({ samples: 160, window: 8, nFeatures: 4, seed: 3 });

function options(model: tf.LayersModel, overrides: Partial<TrainOptions> = {}): TrainOptions {
	return {
		model,
		...data,
		trainSamples: 128,
		epochs: 3,
		batchSize: 16,
		learningRate: 0.01,
		seed: 11,
		...overrides
	};
}

/** Trains a fresh model and returns its losses and its predictions on all samples. */
async function run(modelSeed: number, trainSeed: number, model_type: 'gru' | 'lstm' = 'gru') {
	const model = buildSequenceModel({
		model_type,
		window: 8,
		nFeatures: 4,
		units: 8,
		seed: modelSeed
	});
	const r = await trainModel(options(model, { seed: trainSeed }));
	if (!r.ok) throw new Error(r.message);
	const yHat = await predict(model, data.x, data.samples, data.window, data.nFeatures);
	model.dispose();
	return { history: r.value.history, yHat };
}

describe('trainModel on the CPU backend', () => {
	it.each(['gru', 'lstm'] as const)(
		'a %s learns an AR(1) signal: training loss falls over 8 epochs',
		async (model_type) => {
			const model = buildSequenceModel({ model_type, window: 8, nFeatures: 4, units: 8, seed: 5 });
			const r = await trainModel(options(model, { epochs: 8 }));
			model.dispose();
			expect(r.ok).toBe(true);
			if (!r.ok) return;
			const { history, backend, stopped } = r.value;
			expect(backend).toBe('cpu');
			expect(stopped).toBe('completed');
			expect(history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
			expect(history.at(-1)!.loss).toBeLessThan(history[0].loss);
			// Variance of the target series is σ²/(1−φ²) = 0.09/0.19 ≈ 0.47; learning φ brings MSE toward σ² = 0.09.
			expect(history.at(-1)!.loss).toBeLessThan(0.3);
			for (const h of history) expect(h.valLoss).toBeGreaterThan(0);
		}
	);

	it('is reproducible: the same seeds give bit-identical losses and predictions', async () => {
		const a = await run(5, 11);
		const b = await run(5, 11);
		expect(b.history).toEqual(a.history);
		expect(b.yHat).toEqual(a.yHat);
	});

	it('different model or shuffle seeds give different runs', async () => {
		const base = await run(5, 11);
		const otherModel = await run(6, 11);
		const otherShuffle = await run(5, 12);
		expect(otherModel.history[0].loss).not.toBe(base.history[0].loss);
		expect(otherShuffle.history[0].loss).not.toBe(base.history[0].loss);
		expect(otherShuffle.yHat).not.toEqual(base.yHat);
	});

	it('leaves no tensors behind: optimiser state and batches are disposed', async () => {
		const model = buildSequenceModel({
			model_type: 'lstm',
			window: 8,
			nFeatures: 4,
			units: 8,
			seed: 5
		});
		const before = tf.memory().numTensors;
		const r = await trainModel(options(model, { epochs: 2, readLossEvery: 1 }));
		await predict(model, data.x, data.samples, data.window, data.nFeatures, 50);
		expect(r.ok).toBe(true);
		expect(tf.memory().numTensors).toBe(before);
		model.dispose();
	});

	it('reports progress every readLossEvery batches and once per epoch with the validation loss', async () => {
		const model = buildSequenceModel({
			model_type: 'gru',
			window: 8,
			nFeatures: 4,
			units: 8,
			seed: 5
		});
		const seen: TrainProgress[] = [];
		const r = await trainModel(
			options(model, { epochs: 2, readLossEvery: 3, onProgress: (p) => seen.push(p) })
		);
		model.dispose();
		expect(r.ok).toBe(true);
		// 128 train samples / 16 = 8 batches: reads after batches 3 and 6, then the epoch report.
		expect(seen.map((p) => [p.epoch, p.batch, p.valLoss === null])).toEqual([
			[1, 3, true],
			[1, 6, true],
			[1, 8, false],
			[2, 3, true],
			[2, 6, true],
			[2, 8, false]
		]);
		for (const p of seen) {
			expect(p.batches).toBe(8);
			expect(p.epochs).toBe(2);
			expect(Number.isFinite(p.loss)).toBe(true);
			expect(p.samplesPerSec).toBeGreaterThan(0);
		}
	});

	it('awaits onEpochEnd after each epoch before starting the next, and stops if it throws', async () => {
		const model = buildSequenceModel({
			model_type: 'gru',
			window: 8,
			nFeatures: 4,
			units: 8,
			seed: 5
		});
		const events: string[] = [];
		const r = await trainModel(
			options(model, {
				epochs: 3,
				readLossEvery: 8,
				onProgress: (p) => events.push(`progress ${p.epoch}`),
				onEpochEnd: async (record) => {
					await new Promise((resolve) => setTimeout(resolve, 5));
					events.push(`saved ${record.epoch}`);
					if (record.epoch === 2) throw new Error('disk full');
				}
			})
		);
		model.dispose();
		expect(events).toEqual(['progress 1', 'saved 1', 'progress 2', 'saved 2']);
		expect(!r.ok && [r.code, r.message]).toEqual(['internal', 'Training failed: disk full']);
		expect(!r.ok && (r.details as { history: unknown[] }).history).toHaveLength(2);
	});

	it('without validation samples, valLoss is null', async () => {
		const model = buildSequenceModel({
			model_type: 'gru',
			window: 8,
			nFeatures: 4,
			units: 8,
			seed: 5
		});
		const r = await trainModel(options(model, { epochs: 1, trainSamples: data.samples }));
		model.dispose();
		expect(r.ok && r.value.history).toEqual([
			{ epoch: 1, loss: expect.any(Number), valLoss: null }
		]);
	});

	// The worker learns of an abort from a message (bridge/abort-port.ts); a timer is the other way a
	// later task can abort. Either must get a turn between batches.
	const laterTask = {
		'a timer': (c: AbortController) => {
			setTimeout(() => c.abort(), 0);
			return c.signal;
		},
		'a MessagePort, as the worker bridge delivers it': (c: AbortController) => {
			c.abort();
			return c.signal;
		}
	};
	it.each(Object.keys(laterTask) as (keyof typeof laterTask)[])(
		"an abort from %s stops it between batches with err('cancelled'), leaking nothing",
		async (how) => {
			const model = buildSequenceModel({
				model_type: 'gru',
				window: 8,
				nFeatures: 4,
				units: 8,
				seed: 5
			});
			const before = tf.memory().numTensors;
			const page = new AbortController();
			const port = portFromSignal(page.signal);
			const signal = how === 'a timer' ? page.signal : signalFromPort(port);
			let batchesReported = 0;
			const r = await trainModel(
				options(model, {
					epochs: 50,
					readLossEvery: 1,
					signal,
					onProgress: () => {
						if (++batchesReported === 3) laterTask[how](page);
					}
				})
			);
			port.close();
			expect(r.ok).toBe(false);
			if (r.ok) return;
			expect(r.code).toBe('cancelled');
			expect(r.details).toMatchObject({ backend: 'cpu', stopped: 'cancelled', history: [] });
			// It stopped within a couple of batches of the abort, far from the 50 × 8 batches asked for.
			expect(batchesReported).toBeLessThanOrEqual(5);
			expect(tf.memory().numTensors).toBe(before);
			model.dispose();
		}
	);

	it('an already-aborted signal trains nothing', async () => {
		const model = buildSequenceModel({
			model_type: 'gru',
			window: 8,
			nFeatures: 4,
			units: 8,
			seed: 5
		});
		const initial = await predict(model, data.x, data.samples, data.window, data.nFeatures);
		const r = await trainModel(options(model, { signal: AbortSignal.abort() }));
		expect(!r.ok && r.code).toBe('cancelled');
		expect(await predict(model, data.x, data.samples, data.window, data.nFeatures)).toEqual(
			initial
		);
		model.dispose();
	});

	it('rejects inputs that do not fit the model or each other, with bad_input', async () => {
		const model = buildSequenceModel({
			model_type: 'gru',
			window: 8,
			nFeatures: 4,
			units: 8,
			seed: 5
		});
		const cases: [Partial<TrainOptions>, RegExp][] = [
			[{ x: data.x.subarray(1) }, /x has/],
			[{ y: data.y.subarray(1) }, /y has/],
			[{ trainSamples: 0 }, /trainSamples/],
			[{ learningRate: -1 }, /learningRate/],
			[{ batchSize: 0 }, /batchSize/],
			[{ window: 4, x: data.x.subarray(0, 160 * 4 * 4) }, /rebuild the model/]
		];
		for (const [override, message] of cases) {
			const r = await trainModel(options(model, override));
			expect(!r.ok && r.code).toBe('bad_input');
			expect(!r.ok && r.message).toMatch(message);
		}
		model.dispose();
	});

	it('a learning rate that blows up is reported as divergence, not as a result', async () => {
		const model = buildSequenceModel({
			model_type: 'gru',
			window: 8,
			nFeatures: 4,
			units: 8,
			seed: 5
		});
		const big = data.y.map((v) => v * 1e30);
		const r = await trainModel(options(model, { y: big, epochs: 1, learningRate: 10 }));
		model.dispose();
		expect(!r.ok && r.message).toMatch(/diverged/);
	});
});

describe('predict', () => {
	it('matches one-shot model.predict, whatever the batch size', async () => {
		const model = buildSequenceModel({
			model_type: 'lstm',
			window: 8,
			nFeatures: 4,
			units: 8,
			seed: 9
		});
		const whole = tf.tidy(() =>
			(model.predict(tf.tensor3d(data.x, [data.samples, 8, 4])) as tf.Tensor).reshape([-1])
		);
		const expected = await whole.data();
		whole.dispose();
		for (const batch of [1, 7, 160, 1000]) {
			const got = await predict(model, data.x, data.samples, 8, 4, batch);
			expect(got.length).toBe(160);
			for (let i = 0; i < got.length; i++) expect(got[i]).toBeCloseTo(expected[i], 6);
		}
		model.dispose();
	});
});
