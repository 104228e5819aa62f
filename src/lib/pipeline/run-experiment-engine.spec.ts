// The experiment flow on the new training engine: 'auto' probes the backends with the run's own model
// and says what it measured; every epoch's checkpoint carries the engine snapshot for exact resume.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES } from '$lib/core/features';
import { AxonDb } from '$lib/store/db';
import { buildFeatureSet } from './build-feature-set';
import { importCsvDataset } from './import-dataset';
import { runExperiment } from './run-experiment';
import type { TrainProgress } from './train-progress';

const db = new AxonDb('run-experiment-engine-spec');
afterAll(() => db.close());

describe('runExperiment with backend auto', () => {
	it('probes the backends, trains on the measured choice and stores engine snapshots with checkpoints', async () => {
		const csv = readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8');
		const ds = await importCsvDataset(db, csv, { name: 'TTRC', symbol: 'TTRC', source: 'bundled' });
		if (!ds.ok) throw new Error(ds.message);
		const fs = await buildFeatureSet(db, ds.value.id, [...DEFAULT_FEATURES], { gpu: null });
		if (!fs.ok) throw new Error(fs.message);
		const reports: TrainProgress[] = [];
		const r = await runExperiment(
			db,
			{
				name: 'auto',
				datasetId: ds.value.id,
				featureSetId: fs.value.id,
				model: { model_type: 'gru', window: 8, units: 4 },
				training: { seed: 3, epochs: 2, batch_size: 256, learning_rate: 0.01, backend: 'auto' },
				backtest: { threshold: 0, fee_bps: 5 },
				trainFraction: 0.7
			},
			{ onProgress: (p) => reports.push(p) }
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		// Node without navigator.gpu: only the CPU can be measured, and the probe says so.
		expect(r.value.results.backend).toBe('cpu');
		const probe = reports.find((p) => p.probe)?.probe ?? '';
		expect(probe).toMatch(/webgpu unavailable/);
		expect(probe).toMatch(/wasm not installed/);
		expect(probe).toMatch(/cpu [\d.]+ ms\/step \(chosen\)/);
		const train = reports.filter((p) => p.phase === 'train');
		expect(train.at(-1)?.learningRate).toBe(0.01);
		expect(train.every((p) => p.fraction >= 0.05 && p.fraction <= 0.9)).toBe(true);
		const first = (await db.checkpoints.get(`${r.value.runId}:1`)) as unknown as {
			training?: { position: { epoch: number; batch: number } };
		};
		expect(first.training?.position).toMatchObject({ epoch: 2, batch: 0 });
	}, 120_000);
});
