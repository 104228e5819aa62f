import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_CONFIG, tinyData } from '$lib/ml/training/testing/tiny-problem';
import type { TrainingProgress } from '$lib/ml/training';
import { AxonDb } from '$lib/store/db';
import { createTrainApi, type TrainRunRequest } from './train-api';

const db = new AxonDb('train-api-spec');
afterAll(async () => {
	db.close();
	await db.delete();
});
beforeAll(async () => {
	await tf.setBackend('cpu');
});

const request = (runId: string, resume = false): TrainRunRequest => ({
	runId,
	model: {
		kind: 'sequence',
		spec: { model_type: 'gru', window: 4, nFeatures: 2, units: 3, seed: 11 }
	},
	data: tinyData(),
	config: TINY_CONFIG,
	resume
});

describe('train worker API: engine runs with IndexedDB checkpoints', () => {
	it('a run cancelled mid-epoch resumes from IndexedDB to the same history as an uninterrupted run', async () => {
		const api = createTrainApi(() => db);
		const straight = await api.trainModel(request('straight'));
		expect(straight.ok).toBe(true);

		const { port1, port2 } = new MessageChannel();
		const stopAt = (p: TrainingProgress) => {
			if (p.epoch === 2 && p.step >= 6) port1.postMessage('abort');
		};
		const cancelled = await api.trainModel(request('interrupted'), port2, undefined, stopAt);
		port1.close();
		expect(cancelled.ok).toBe(false);
		if (!cancelled.ok) expect(cancelled.code).toBe('cancelled');
		const row = (await db.checkpoints.get('interrupted:training'))!;
		expect(row.training?.position.epoch).toBe(2);
		expect(row.artifacts.format).toBe('tfjs-layers');

		// A fresh API object: as after the worker (or the tab) died and was started again.
		const resumed = await createTrainApi(() => db).trainModel(request('interrupted', true));
		expect(resumed.ok && straight.ok).toBe(true);
		if (resumed.ok && straight.ok) {
			expect(resumed.value.resumedFromStep).toBe(row.training?.position.step);
			expect(resumed.value.history).toEqual(straight.value.history);
		}
	});

	it('resume without a stored checkpoint is a not_found result', async () => {
		const r = await createTrainApi(() => db).trainModel(request('never-started', true));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.code).toBe('not_found');
	});

	it('pause through the control port holds the run; resume lets it finish', async () => {
		const api = createTrainApi(() => db);
		const control = new MessageChannel();
		let paused = false;
		const r = await api.trainModel(request('paused'), undefined, control.port2, (p) => {
			if (!paused && p.step >= 2) {
				paused = true;
				control.port1.postMessage('pause');
				setTimeout(() => control.port1.postMessage('resume'), 30);
			}
		});
		control.port1.close();
		expect(paused).toBe(true);
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.value.steps).toBe(12);
	});
});
