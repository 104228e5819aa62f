// The data worker's API called directly (no worker, no GPU): what the page gets back.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES } from '$lib/core/features';
import { AxonDb } from '$lib/store/db';
import { createDataApi } from './data-api';

const api = () => {
	const db = new AxonDb(`api-${crypto.randomUUID()}`);
	return {
		db,
		api: createDataApi(
			() => db,
			() => undefined
		)
	};
};
const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const meta = { name: 'TTRC', symbol: 'TTRC', source: 'bundled' };

describe('data worker API', () => {
	it('imports transferred CSV bytes', async () => {
		const { api: a } = api();
		const csv = readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8');
		const r = await a.importCsv(bytes(csv), meta);
		expect(r.ok && r.value.rows).toBe(5550);
	});

	it('refuses bytes that are not UTF-8 text and stores nothing', async () => {
		const { api: a, db } = api();
		const r = await a.importCsv(new Uint8Array([0xff, 0xfe, 0x00, 0xc3]).buffer, meta);
		expect(r).toMatchObject({ ok: false, code: 'bad_input' });
		expect(await db.datasets.count()).toBe(0);
	});

	it('says plainly that there is no WebGPU and computes features on the CPU', async () => {
		const { api: a } = api();
		const status = await a.gpuStatus();
		expect(status.available).toBe(false);
		const csv = readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8');
		const ds = await a.importCsv(csv, meta);
		if (!ds.ok) throw new Error(ds.message);
		const fs = await a.computeFeatures(ds.value.id, [...DEFAULT_FEATURES], { preferCpu: false });
		expect(fs.ok && fs.value.engine.kind).toBe('cpu');
		expect(fs.ok && fs.value.engine.notice).toMatch(/WebGPU unavailable/);
		expect(fs.ok && fs.value.names).toHaveLength(DEFAULT_FEATURES.length);
	});

	it('returns not_found for a dataset that is not stored', async () => {
		const { api: a } = api();
		const r = await a.computeFeatures('missing', [...DEFAULT_FEATURES], { preferCpu: true });
		expect(r).toMatchObject({ ok: false, code: 'not_found' });
	});
});
