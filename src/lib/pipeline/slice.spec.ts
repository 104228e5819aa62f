// The foundation slice below the page, in Node: real data → CPU-twin features → GRU on the tfjs CPU
// backend → backtest → records in IndexedDB (fake-indexeddb). Small sizes keep it to seconds.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES } from '$lib/core/features';
import { AxonDb } from '$lib/store/db';
import { buildFeatureSet } from './build-feature-set';
import type { ExperimentInput } from './experiment-input';
import { createSyntheticDataset, importCsvDataset } from './import-dataset';
import { planSplits, runExperiment } from './run-experiment';

const ttrc = readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8');
const meta = { name: 'TTRC', symbol: 'TTRC', source: 'bundled' };
const dbs: AxonDb[] = [];
const freshDb = () => {
	const db = new AxonDb(`slice-${crypto.randomUUID()}`);
	dbs.push(db);
	return db;
};
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

async function prepared(db: AxonDb, text = ttrc) {
	const ds = await importCsvDataset(db, text, meta);
	if (!ds.ok) throw new Error(ds.message);
	const fs = await buildFeatureSet(db, ds.value.id, [...DEFAULT_FEATURES], { gpu: null });
	if (!fs.ok) throw new Error(fs.message);
	return { datasetId: ds.value.id, featureSetId: fs.value.id };
}

const input = (ids: { datasetId: string; featureSetId: string }, seed = 3): ExperimentInput => ({
	name: 'slice',
	...ids,
	model: { model_type: 'gru', window: 8, units: 4 },
	training: { seed, epochs: 2, batch_size: 256, learning_rate: 0.01, backend: 'cpu' },
	backtest: { threshold: 0, fee_bps: 5 },
	trainFraction: 0.7
});

describe('the slice in Node', () => {
	it('imports, computes features, trains, backtests and stores a completed experiment', async () => {
		const db = freshDb();
		const ids = await prepared(db);
		const r = await runExperiment(db, input(ids));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const { results } = r.value;
		expect(results.backend).toBe('cpu');
		expect(Number.isFinite(results.total_return)).toBe(true);
		expect(results.max_drawdown).toBeGreaterThanOrEqual(0);
		expect(results.trades).toBeGreaterThan(0);
		const exp = await db.experiments.get(r.value.experimentId);
		expect(exp?.status).toBe('completed');
		expect(exp?.body.data_config.content_hash).toMatch(/^[0-9a-f]{64}$/);
		const run = await db.runs.get(r.value.runId);
		expect(run?.history.map((h) => h.epoch)).toEqual([1, 2]);
		expect(run?.backtest?.equity.length).toBe(run?.backtest?.time.length);
		expect(await db.checkpoints.where('runId').equals(r.value.runId).count()).toBe(2);
		expect(await db.metrics.where('runId').equals(r.value.runId).count()).toBe(4);
	}, 120_000);

	it('reproduces the same metrics from the same data hash, spec and seed', async () => {
		const a = freshDb();
		const b = freshDb();
		const ra = await runExperiment(a, input(await prepared(a)));
		const rb = await runExperiment(b, input(await prepared(b)));
		expect(ra.ok && rb.ok).toBe(true);
		if (ra.ok && rb.ok) expect(rb.value.results).toEqual(ra.value.results);
	}, 120_000);

	it('rejects invalid input with field names and stores nothing', async () => {
		const db = freshDb();
		const ids = await prepared(db);
		const bad = { ...input(ids), model: { model_type: 'gru', window: 1, units: 0 } };
		const r = await runExperiment(db, bad);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/model\.window/);
		expect(await db.experiments.count()).toBe(0);
	});

	it('marks a cancelled run as cancelled and its experiment as paused', async () => {
		const db = freshDb();
		const ids = await prepared(db);
		const controller = new AbortController();
		controller.abort();
		const r = await runExperiment(db, input(ids), { signal: controller.signal });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.code).toBe('cancelled');
		const [exp] = await db.experiments.toArray();
		expect(exp.status).toBe('paused');
		expect((await db.runs.get(exp.runId!))?.status).toBe('cancelled');
	});

	it('refuses a malformed CSV with the row and stores no dataset', async () => {
		const db = freshDb();
		const r = await importCsvDataset(db, 'date,close\n2020-01-01,1\n2020-01-02,abc\n', meta);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/row 3/);
		expect(await db.datasets.count()).toBe(0);
	});

	it('generates the same synthetic dataset for the same seed (same content hash)', async () => {
		const db = freshDb();
		const a = await createSyntheticDataset(db, { seed: 9, bars: 300, mu: 0.05, sigma: 0.2 });
		const b = await createSyntheticDataset(freshDb(), { seed: 9, bars: 300, mu: 0.05, sigma: 0.2 });
		expect(a.ok && b.ok && a.value.contentHash === b.value.contentHash).toBe(true);
	});
});

describe('planSplits', () => {
	it('leaves an embargo of one window between fitting and test samples', () => {
		const r = planSplits(1000, 0.7, 16);
		expect(r).toEqual({ ok: true, value: { fit: 700, train: 595, testStart: 716 } });
	});
	it('explains when there are too few samples', () => {
		const r = planSplits(40, 0.7, 16);
		expect(r.ok).toBe(false);
	});
});
