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

let stored: Promise<{ datasetId: string; featureSetId: string }> | null = null;
/** The bundled dataset and its default features, imported once per file. */
function features() {
	stored ??= (async () => {
		const csv = readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8');
		const ds = await importCsvDataset(db, csv, { name: 'TTRC', symbol: 'TTRC', source: 'bundled' });
		if (!ds.ok) throw new Error(ds.message);
		const fs = await buildFeatureSet(db, ds.value.id, [...DEFAULT_FEATURES], { gpu: null });
		if (!fs.ok) throw new Error(fs.message);
		return { datasetId: ds.value.id, featureSetId: fs.value.id };
	})();
	return stored;
}

describe('runExperiment with backend auto', () => {
	it('probes the backends, trains on the measured choice and stores engine snapshots with checkpoints', async () => {
		const ids = await features();
		const reports: TrainProgress[] = [];
		const r = await runExperiment(
			db,
			{
				name: 'auto',
				...ids,
				model: { model_type: 'gru', window: 8, units: 4 },
				training: { seed: 3, epochs: 2, batch_size: 256, learning_rate: 0.01, backend: 'auto' },
				backtest: { threshold: 0, fee_bps: 5 },
				trainFraction: 0.7
			},
			{ onProgress: (p) => reports.push(p) }
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		// Node without navigator.gpu: WASM and the CPU are measured, WebGPU is reported unavailable.
		const run = (await db.runs.get(r.value.runId))!;
		expect(['wasm', 'cpu']).toContain(r.value.results.backend);
		expect(run.probe?.chosen).toBe(r.value.results.backend);
		const probe = reports.find((p) => p.probe)?.probe ?? '';
		expect(probe).toBe(run.probe?.summary);
		expect(probe).toMatch(/webgpu unavailable/);
		expect(probe).toMatch(/wasm [\d.]+ ms\/step/);
		expect(probe).toMatch(new RegExp(`${r.value.results.backend} [\\d.]+ ms/step \\(chosen\\)`));
		expect(run.kernels).toBeUndefined();
		const train = reports.filter((p) => p.phase === 'train');
		expect(train.at(-1)?.learningRate).toBe(0.01);
		expect(train.every((p) => p.fraction >= 0.05 && p.fraction <= 0.9)).toBe(true);
		const first = await db.checkpoints.get(`${r.value.runId}:1`);
		expect(first?.training?.position).toMatchObject({ epoch: 2, batch: 0 });
	}, 120_000);
});

describe('runExperiment with a fused model', () => {
	it('records the fused kernels and one measured training step with the run', async () => {
		const ids = await features();
		const r = await runExperiment(db, {
			name: 'fused',
			...ids,
			model: { model_type: 'lstm', window: 6, units: 3, fused: true },
			training: { seed: 3, epochs: 1, batch_size: 256, learning_rate: 0.01, backend: 'cpu' },
			backtest: { threshold: 0, fee_bps: 5 },
			trainFraction: 0.7
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const run = (await db.runs.get(r.value.runId))!;
		expect(run.status).toBe('completed');
		expect(run.kernels).toMatchObject({
			backend: 'cpu',
			kernels: ['fused-lstm'],
			dispatchesPerStep: 0
		});
		expect(run.kernels!.msPerStep).toBeGreaterThan(0);
		// A fixed backend is not probed.
		expect(run.probe).toBeUndefined();
	}, 120_000);
});
