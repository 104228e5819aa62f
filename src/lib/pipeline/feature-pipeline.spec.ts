// Feature pipelines through the data worker's API (no worker, no GPU): cache, errors, exports.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { featureTableFromCsv, featureTableFromParquet } from '$lib/core/pipelines';
import { AxonDb } from '$lib/store/db';
import { listPipelines } from '$lib/store/pipeline-repository';
import { createDataApi } from './data-api';

async function setup() {
	const db = new AxonDb(`pipe-${crypto.randomUUID()}`);
	const api = createDataApi(
		() => db,
		() => undefined
	);
	const ds = await api.generateSynthetic({ seed: 3, bars: 400, mu: 0.05, sigma: 0.2 });
	if (!ds.ok) throw new Error(ds.message);
	return { db, api, datasetId: ds.value.id };
}

const SPEC = {
	name: 'trend and momentum',
	transformations: [
		{ kind: 'indicator', id: 'sma', params: { n: 20 } },
		{ kind: 'indicator', id: 'rsi', params: { n: 14 } },
		{ kind: 'expression', name: 'ret5', expression: '$close / Ref($close, 5) - 1' }
	],
	labels: [{ kind: 'direction', horizon: 5 }]
};

describe('computePipeline', () => {
	it('computes once, then answers the same (data, spec) from the cache', async () => {
		const { db, api, datasetId } = await setup();
		const first = await api.computePipeline(datasetId, SPEC);
		if (!first.ok) throw new Error(first.message);
		expect(first.value.cacheHit).toBe(false);
		expect(first.value.names).toEqual(['sma_20', 'rsi_14', 'ret5', 'direction_5']);
		expect(first.value.warmup).toBe(19);
		// Reordered keys and defaults written out: the same spec, so the same cache entry.
		const again = await api.computePipeline(datasetId, {
			...SPEC,
			transformations: [
				{ params: { n: 20 }, id: 'sma', kind: 'indicator' },
				...SPEC.transformations.slice(1)
			],
			labels: [{ kind: 'direction', horizon: 5, deadZone: 0 }]
		});
		expect(again.ok && again.value).toMatchObject({ cacheHit: true, id: first.value.id });
		expect(await db.featurePipelines.count()).toBe(1);
		expect((await listPipelines(db))[0]).toMatchObject({ name: 'trend and momentum', rows: 400 });
	});

	it('previews the first and last rows with warm-up flagged and correlates features only', async () => {
		const { api, datasetId } = await setup();
		const r = await api.computePipeline(datasetId, SPEC);
		if (!r.ok) throw new Error(r.message);
		expect(r.value.preview[0]).toMatchObject({ index: 0, warmup: true });
		expect(r.value.preview.at(-1)).toMatchObject({ index: 399, warmup: false });
		expect(r.value.correlation.names).toEqual(['sma_20', 'rsi_14', 'ret5']);
		expect(r.value.correlation.matrix[1][1]).toBeCloseTo(1, 12);
	});

	it('refuses a malformed expression naming the step and token, and stores nothing', async () => {
		const { db, api, datasetId } = await setup();
		const r = await api.computePipeline(datasetId, {
			transformations: [
				{ kind: 'indicator', id: 'sma' },
				{ kind: 'expression', name: 'bad', expression: 'Mean($close 5)' }
			]
		});
		expect(r).toMatchObject({ ok: false, code: 'bad_input' });
		if (!r.ok) expect(r.message).toMatch(/^transformations\[1\] \(bad\): .*'5'/);
		expect(await db.featurePipelines.count()).toBe(0);
	});

	it('exports CSV and Parquet that read back to the same numbers, warm-up NaN included', async () => {
		const { api, datasetId } = await setup();
		const r = await api.computePipeline(datasetId, SPEC);
		if (!r.ok) throw new Error(r.message);
		const csv = await api.exportPipeline(r.value.id, 'csv');
		const parquet = await api.exportPipeline(r.value.id, 'parquet');
		if (!csv.ok || !parquet.ok) throw new Error('export failed');
		expect(csv.value.filename).toMatch(/^GBM-features-[0-9a-f]{8}\.csv$/);
		const fromCsv = featureTableFromCsv(new TextDecoder().decode(csv.value.bytes));
		const fromParquet = await featureTableFromParquet(parquet.value.bytes);
		if (!fromCsv.ok) throw new Error(fromCsv.message);
		expect(fromCsv.value.names).toEqual(r.value.names);
		expect(fromCsv.value.columns[0][18]).toBeNaN();
		expect(Array.from(fromParquet.columns[1])).toEqual(Array.from(fromCsv.value.columns[1]));
		expect(fromParquet.warmup).toBe(19);
	});
});

describe('computePipeline engines without a WebGPU adapter', () => {
	it("'gpu' says WebGPU is unavailable and stores nothing; 'auto' computes on the CPU", async () => {
		const { db, api, datasetId } = await setup();
		const before = (await listPipelines(db)).length;
		const gpu = await api.computePipeline(datasetId, SPEC, undefined, undefined, 'gpu');
		expect(gpu).toMatchObject({ ok: false, code: 'gpu_unavailable' });
		expect(!gpu.ok && gpu.message).toMatch(/choose the CPU engine/);
		expect((await listPipelines(db)).length).toBe(before);
		const auto = await api.computePipeline(datasetId, SPEC, undefined, undefined, 'auto');
		expect(auto.ok && auto.value.gpuColumns).toEqual([]);
		expect(auto.ok && auto.value.adapter).toBeNull();
	});
});
