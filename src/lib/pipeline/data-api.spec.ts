// The data worker's API called directly (no worker, no GPU): what the page gets back.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES } from '$lib/core/features';
import { AxonDb } from '$lib/store/db';
import { createDataApi } from './data-api';
import { NO_FIXES } from './review-import';

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
	it('refuses bytes that are not UTF-8 text and stores nothing', async () => {
		const { api: a, db } = api();
		const r = await a.inspectImport(new Uint8Array([0xff, 0xfe, 0x00, 0xc3]).buffer, meta);
		expect(r).toMatchObject({ ok: false, code: 'bad_input' });
		expect(await db.datasets.count()).toBe(0);
	});

	it('says plainly that there is no WebGPU and computes features on the CPU', async () => {
		const { api: a } = api();
		const status = await a.gpuStatus();
		expect(status.available).toBe(false);
		const csv = readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8');
		const inspected = await a.inspectImport(csv, meta);
		if (!inspected.ok) throw new Error(inspected.message);
		const ds = await a.commitImport(inspected.value.token, NO_FIXES);
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

	it('inspects a clean file without storing it, then commits it unchanged', async () => {
		const { api: a, db } = api();
		const csv = readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8');
		const r = await a.inspectImport(bytes(csv), meta);
		if (!r.ok) throw new Error(r.message);
		expect(r.value.clean).toBe(true);
		expect(r.value.report.score).toBeGreaterThan(99);
		expect(await db.datasets.count()).toBe(0);
		const done = await a.commitImport(r.value.token, NO_FIXES);
		expect(done.ok && done.value.rows).toBe(5550);
	});

	it('holds a file with a bad cell for review, names the row, and stores nothing on reject', async () => {
		const { api: a, db } = api();
		const r = await a.inspectImport(bytes(sixtyBars(17, 'abc')), meta);
		if (!r.ok) throw new Error(r.message);
		expect(r.value.clean).toBe(false);
		expect(r.value.report.invalidCells.rows).toEqual([17]);
		const rejected = await a.commitImport(r.value.token, NO_FIXES);
		expect(rejected.ok).toBe(false);
		if (!rejected.ok) expect(rejected.message).toMatch(/17/);
		expect(await db.datasets.count()).toBe(0);
	});

	it('forward-fills a bad cell when asked and says so in the dataset notes', async () => {
		const { api: a } = api();
		const r = await a.inspectImport(bytes(sixtyBars(17, 'abc')), meta);
		if (!r.ok) throw new Error(r.message);
		const done = await a.commitImport(r.value.token, { ...NO_FIXES, invalid: 'forward_fill' });
		if (!done.ok) throw new Error(done.message);
		expect(done.value.rows).toBe(60);
		expect(done.value.warnings.join(' ')).toMatch(/forward-filled/);
	});

	it('forgets a discarded file', async () => {
		const { api: a } = api();
		const r = await a.inspectImport(bytes(sixtyBars(17, 'abc')), meta);
		if (!r.ok) throw new Error(r.message);
		await a.discardImport(r.value.token);
		expect(await a.commitImport(r.value.token, NO_FIXES)).toMatchObject({
			ok: false,
			code: 'not_found'
		});
	});
});

/** 60 daily bars; the close in file row `badRow` (header = row 1) replaced by `cell`. */
function sixtyBars(badRow: number, cell: string): string {
	const lines = ['date,open,high,low,close,volume'];
	for (let i = 0; i < 60; i++) {
		const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
		const close = i + 2 === badRow ? cell : String(100 + (i % 7));
		lines.push(`${day},100,110,90,${close},1000`);
	}
	return lines.join('\n');
}
