import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AxonDb } from './db';
import type { DatasetRecord, ExperimentRecord } from './records';
import {
	appendLoss,
	createExperimentWithRun,
	finishRun,
	getExperimentDetail,
	latestCheckpoint,
	listDatasets,
	saveCheckpoint,
	saveDataset,
	saveFeatureSet
} from './repositories';

const opened: AxonDb[] = [];
function freshDb(name = `t-${crypto.randomUUID()}`): AxonDb {
	const db = new AxonDb(name);
	opened.push(db);
	return db;
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function dataset(hash = 'a'.repeat(64)): DatasetRecord {
	const col = (v: number) => new Float64Array([v, v + 1, v + 2]);
	return {
		id: crypto.randomUUID(),
		name: 'ttrc',
		symbol: 'TTRC',
		source: 'bundled',
		contentHash: hash,
		rows: 3,
		firstTime: 0,
		lastTime: 2,
		warnings: [],
		createdAt: Date.now(),
		columns: {
			time: col(0),
			open: col(1),
			high: col(2),
			low: col(0.5),
			close: col(1.5),
			volume: col(100)
		}
	};
}

function experiment(datasetId: string): Omit<ExperimentRecord, 'runId' | 'status'> {
	return {
		id: crypto.randomUUID(),
		name: 'gru-demo',
		datasetId,
		featureSetId: 'fs',
		body: {
			name: 'gru-demo',
			status: 'created',
			model_config: { model_type: 'gru', window: 8, units: 8 },
			data_config: {
				dataset: 'ttrc',
				content_hash: 'a'.repeat(64),
				rows: 3,
				features: ['log_return'],
				train_fraction: 0.7
			},
			training_config: { seed: 1, epochs: 2, batch_size: 16, learning_rate: 0.01, backend: 'cpu' }
		},
		remote: null,
		error: null,
		createdAt: Date.now(),
		updatedAt: Date.now()
	};
}

describe('store', () => {
	it('keeps datasets, experiments, runs and checkpoints across a reload', async () => {
		const name = `reload-${crypto.randomUUID()}`;
		const db = freshDb(name);
		const ds = await saveDataset(db, dataset());
		const { experiment: exp, run } = await createExperimentWithRun(db, experiment(ds.id), 1);
		await appendLoss(db, run.id, [{ epoch: 1, loss: 0.5, valLoss: 0.6 }]);
		await saveCheckpoint(db, {
			id: 'c1',
			runId: run.id,
			epoch: 1,
			createdAt: Date.now(),
			artifacts: {
				modelTopology: {},
				weightSpecs: [],
				weightData: new Float32Array([1, 2]).buffer,
				format: 'tfjs-layers'
			}
		});
		db.close();

		const again = freshDb(name);
		const detail = await getExperimentDetail(again, exp.id);
		expect(detail?.experiment.name).toBe('gru-demo');
		expect(detail?.run?.history).toEqual([{ epoch: 1, loss: 0.5, valLoss: 0.6 }]);
		const stored = await again.datasets.get(ds.id);
		expect(stored?.columns.close).toEqual(new Float64Array([1.5, 2.5, 3.5]));
		const ckpt = await latestCheckpoint(again, run.id);
		expect(new Float32Array(ckpt!.artifacts.weightData)).toEqual(new Float32Array([1, 2]));
	});

	it('returns the existing dataset when the same content is imported twice', async () => {
		const db = freshDb();
		const first = await saveDataset(db, dataset());
		const second = await saveDataset(db, { ...dataset(), id: 'other' });
		expect(second.id).toBe(first.id);
		expect(await listDatasets(db)).toHaveLength(1);
	});

	it('stores nothing when a feature set names a missing dataset', async () => {
		const db = freshDb();
		await expect(
			saveFeatureSet(db, {
				id: 'f',
				datasetId: 'missing',
				specs: [],
				names: [],
				columns: [],
				warmup: 0,
				engine: { kind: 'cpu' },
				createdAt: 0
			})
		).rejects.toThrow(/does not exist/);
		expect(await db.featureSets.count()).toBe(0);
	});

	it('writes no metric rows when the run is missing', async () => {
		const db = freshDb();
		await expect(appendLoss(db, 'nope', [{ epoch: 1, loss: 1, valLoss: null }])).rejects.toThrow();
		expect(await db.metrics.count()).toBe(0);
	});

	it('closes a run and its experiment together with the results', async () => {
		const db = freshDb();
		const ds = await saveDataset(db, dataset());
		const { run } = await createExperimentWithRun(db, experiment(ds.id), 1);
		const results = {
			final_train_loss: 0.1,
			final_val_loss: 0.2,
			total_return: 0.05,
			sharpe: 1.2,
			max_drawdown: 0.1,
			trades: 4,
			backend: 'cpu'
		};
		const updated = await finishRun(db, run.id, {
			status: 'completed',
			backend: 'cpu',
			adapter: null,
			software: null,
			backtest: null,
			results,
			error: null
		});
		expect(updated.status).toBe('completed');
		expect(updated.body.results).toEqual(results);
		expect((await db.runs.get(run.id))?.status).toBe('completed');
	});
});
