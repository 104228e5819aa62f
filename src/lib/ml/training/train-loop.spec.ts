import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateValidation } from './evaluate-validation';
import { PauseGate } from './pause-gate';
import { TINY_CONFIG, flatWeights, tinyData, tinyModel } from './testing/tiny-problem';
import { runTraining, type TrainingProgress } from './train-loop';
import type { TrainingSnapshot } from './training-snapshot';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

/** Trains a fresh tiny model to the end; returns its final weights and the outcome. */
async function trainFresh(config = TINY_CONFIG, resumeFrom?: TrainingSnapshot) {
	const model = tinyModel();
	const r = await runTraining({ model, data: tinyData(), config, resumeFrom });
	const weights = await flatWeights(model);
	model.dispose();
	return { r, weights };
}

describe('runTraining', () => {
	it('the same seed gives bit-identical weights and losses on the CPU backend', async () => {
		const a = await trainFresh();
		const b = await trainFresh();
		expect(a.r.ok && b.r.ok).toBe(true);
		expect(a.weights).toEqual(b.weights);
		if (a.r.ok && b.r.ok) expect(a.r.value.history).toEqual(b.r.value.history);
		const other = await trainFresh({ ...TINY_CONFIG, seed: 6 });
		expect(other.weights).not.toEqual(a.weights);
	});

	it('a run cancelled mid-epoch resumes from its last checkpoint to the same final weights', async () => {
		const reference = await trainFresh();
		const model = tinyModel();
		const controller = new AbortController();
		let last: TrainingSnapshot | undefined;
		const cancelled = await runTraining({
			model,
			data: tinyData(),
			config: TINY_CONFIG,
			signal: controller.signal,
			onProgress: (p) => {
				if (p.epoch === 2 && p.batch >= 2) controller.abort();
			},
			onCheckpoint: (s) => {
				last = s;
			}
		});
		model.dispose();
		expect(cancelled.ok).toBe(false);
		if (!cancelled.ok) expect(cancelled.code).toBe('cancelled');
		expect(last?.position.epoch).toBe(2);
		expect(last?.position.batch).toBeGreaterThan(0);

		const resumed = await trainFresh(TINY_CONFIG, last);
		expect(resumed.weights).toEqual(reference.weights);
		if (resumed.r.ok && reference.r.ok) {
			expect(resumed.r.value.history).toEqual(reference.r.value.history);
			expect(resumed.r.value.steps).toBe(12);
		}
	});

	it('pause holds the loop between batches; resume finishes with the uninterrupted weights', async () => {
		const reference = await trainFresh();
		const model = tinyModel();
		const gate = new PauseGate();
		let pausedAt = -1;
		const run = runTraining({
			model,
			data: tinyData(),
			config: TINY_CONFIG,
			gate,
			onProgress: (p) => {
				if (pausedAt < 0 && p.step >= 4) {
					pausedAt = p.step;
					gate.pause();
					setTimeout(() => gate.resume(), 50);
				}
			}
		});
		const r = await run;
		expect(r.ok).toBe(true);
		expect(pausedAt).toBeGreaterThan(0);
		expect(await flatWeights(model)).toEqual(reference.weights);
		model.dispose();
	});

	it('reports loss every readLossEvery steps with learning rate, throughput, fraction and ETA', async () => {
		const model = tinyModel();
		const reports: TrainingProgress[] = [];
		const r = await runTraining({
			model,
			data: tinyData(),
			config: TINY_CONFIG,
			onProgress: (p) => reports.push(p)
		});
		model.dispose();
		expect(r.ok).toBe(true);
		const epochEnds = reports.filter((p) => p.valLoss !== null);
		expect(epochEnds.map((p) => p.epoch)).toEqual([1, 2, 3]);
		// 12 steps, a read every 2 → mid-epoch reports at steps 2, 6, 10 (4, 8, 12 are epoch ends).
		expect(reports.filter((p) => p.valLoss === null).map((p) => p.step)).toEqual([2, 6, 10]);
		for (const p of reports) {
			expect(p.learningRate).toBeGreaterThan(0);
			expect(p.samplesPerSec).toBeGreaterThan(0);
			expect(p.gradNorm).toBeGreaterThan(0);
			expect(Number.isFinite(p.loss)).toBe(true);
		}
		expect(reports.at(-1)?.fraction).toBe(1);
		expect(reports.at(-1)?.etaMs).toBe(0);
		expect(epochEnds[2].valMetric).toBeGreaterThanOrEqual(-1);
	});

	it('early stopping ends the run and restores the weights of the best validation epoch', async () => {
		// Validation targets are the negated signal: the better the fit, the worse the validation loss.
		const data = tinyData();
		for (let i = data.trainSamples; i < data.samples; i++) data.y[i] = -data.y[i];
		const model = tinyModel();
		const r = await runTraining({
			model,
			data,
			config: {
				...TINY_CONFIG,
				epochs: 30,
				optimizer: { type: 'adam' },
				schedule: {},
				learningRate: 0.05,
				earlyStopping: { patience: 2 }
			}
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const { history, stopped, weightsFromEpoch } = r.value;
		expect(stopped).toBe('early_stopped');
		expect(history.length).toBeLessThan(30);
		const losses = history.map((h) => h.valLoss!);
		const best = Math.min(...losses);
		expect(weightsFromEpoch).toBe(losses.indexOf(best) + 1);
		expect(losses.at(-1)).toBeGreaterThan(best);
		const now = await evaluateValidation(model, data, 'regression');
		expect(now?.loss).toBeCloseTo(best, 6);
		model.dispose();
	});

	it('trains a classifier with class weights and reports validation accuracy', async () => {
		const data = tinyData();
		data.y = data.y.map((v) => (v > 0.3 ? 1 : 0));
		const model = tf.sequential({
			layers: [
				tf.layers.flatten({ inputShape: [4, 2] }),
				tf.layers.dense({
					units: 2,
					activation: 'softmax',
					kernelInitializer: tf.initializers.glorotUniform({ seed: 3 })
				})
			]
		});
		const r = await runTraining({
			model,
			data,
			config: {
				...TINY_CONFIG,
				task: 'classification',
				classWeights: [1, 2],
				optimizer: { type: 'sgd', momentum: 0.9 }
			}
		});
		model.dispose();
		expect(r.ok).toBe(true);
		if (r.ok) {
			const acc = r.value.history.at(-1)?.valMetric ?? NaN;
			expect(acc).toBeGreaterThanOrEqual(0);
			expect(acc).toBeLessThanOrEqual(1);
			expect(Number.isInteger(acc * 8)).toBe(true); // 8 validation samples
		}
	});

	it('leaks no tensors: the tensor count after training equals the count before', async () => {
		const model = tinyModel();
		const before = tf.memory().numTensors;
		const r = await runTraining({
			model,
			data: tinyData(),
			config: { ...TINY_CONFIG, earlyStopping: { patience: 5 } }
		});
		expect(r.ok).toBe(true);
		expect(tf.memory().numTensors).toBe(before);
		model.dispose();
	});

	it('refuses bad input and a checkpoint from another config, as data', async () => {
		const model = tinyModel();
		const bad = await runTraining({
			model,
			data: { ...tinyData(), inputShape: [8, 1] },
			config: TINY_CONFIG
		});
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.message).toMatch(/expects input \[4, 2\], the data is \[8, 1\]/);
		let snap: TrainingSnapshot | undefined;
		await runTraining({
			model,
			data: tinyData(),
			config: { ...TINY_CONFIG, epochs: 2 },
			onCheckpoint: (s) => void (snap = s)
		});
		const before = tf.memory().numTensors;
		const other = await runTraining({
			model,
			data: tinyData(),
			config: TINY_CONFIG,
			resumeFrom: snap
		});
		expect(tf.memory().numTensors).toBe(before);
		expect(other.ok).toBe(false);
		if (!other.ok) expect(other.code).toBe('conflict');
		model.dispose();
	});
});
