// Importing files through the data worker's API: formats, several files, symbols, limits, bad input.
import 'fake-indexeddb/auto';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { AxonDb } from '$lib/store/db';
import { createDataApi } from './data-api';
import { NO_FIXES } from './review-import';

function setup() {
	const db = new AxonDb(`imp-${crypto.randomUUID()}`);
	return {
		db,
		api: createDataApi(
			() => db,
			() => undefined
		)
	};
}

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 1);
const dates = (n: number) =>
	Array.from({ length: n }, (_, i) => new Date(T0 + i * DAY).toISOString().slice(0, 10));
const csv = (n: number, offset = 0) =>
	'date,open,high,low,close,volume\n' +
	dates(n)
		.map(
			(d, i) =>
				`${d},${i + 10 + offset},${i + 12 + offset},${i + 9 + offset},${i + 11 + offset},${1000 + i}`
		)
		.join('\n') +
	'\n';
const blob = (text: string) => new Blob([text]);

describe('inspectFiles', () => {
	it('makes one dataset per file when several files are selected at once', async () => {
		const { db, api } = setup();
		const steps: number[] = [];
		const r = await api.inspectFiles(
			[
				{ file: blob(csv(60)), name: 'spy_daily.csv' },
				{ file: blob(csv(70).replaceAll(',', '\t')), name: 'qqq.tsv' }
			],
			(p) => steps.push(p.fraction)
		);
		if (!r.ok) throw new Error(r.message);
		expect(r.value.items.map((i) => [i.symbol, i.rows, i.clean])).toEqual([
			['SPY', 60, true],
			['QQQ', 70, true]
		]);
		expect(steps.at(-1)).toBe(1);
		expect(steps.every((f, i) => i === 0 || f >= steps[i - 1])).toBe(true);
		for (const item of r.value.items)
			expect((await api.commitImport(item.token, NO_FIXES)).ok).toBe(true);
		const stored = (await db.datasets.toArray()).map((d) => [d.symbol, d.rows]);
		expect(stored.sort()).toEqual([
			['QQQ', 70],
			['SPY', 60]
		]);
	});

	it('splits one file with a symbol column into one dataset per symbol', async () => {
		const { api } = setup();
		const rows = dates(60).flatMap((d, i) => [`${d},AAA,${i + 1}`, `${d},BBB,${i + 100}`]);
		const r = await api.inspectFiles([
			{ file: blob(`date,ticker,close\n${rows.join('\n')}\n`), name: 'two.csv' }
		]);
		expect(r.ok && r.value.items.map((i) => [i.symbol, i.rows])).toEqual([
			['AAA', 60],
			['BBB', 60]
		]);
	});

	it('reads JSON and Parquet files', async () => {
		const { api } = setup();
		const json = JSON.stringify({ time: dates(55), close: dates(55).map((_, i) => 5 + i) });
		const parquet = parquetWriteBuffer({
			columnData: [
				{ name: 'timestamp', data: dates(52).map((d) => new Date(d)), type: 'TIMESTAMP' },
				{ name: 'close', data: dates(52).map((_, i) => 1 + i), type: 'DOUBLE' }
			]
		});
		const r = await api.inspectFiles([
			{ file: blob(json), name: 'a.json' },
			{ file: new Blob([parquet]), name: 'b.parquet' }
		]);
		expect(r.ok && r.value.items.map((i) => [i.symbol, i.rows])).toEqual([
			['A', 55],
			['B', 52]
		]);
	});

	it('refuses a 500 MB file by its size without reading it, and holds nothing from the batch', async () => {
		const { db, api } = setup();
		const unread = () => {
			throw new Error('the file was read');
		};
		const huge = {
			size: 500 * 2 ** 20,
			slice: unread,
			stream: unread,
			arrayBuffer: unread,
			text: unread
		} as unknown as Blob;
		const r = await api.inspectFiles([
			{ file: blob(csv(60)), name: 'ok.csv' },
			{ file: huge, name: 'huge.csv' }
		]);
		expect(r).toMatchObject({ ok: false, code: 'too_large' });
		if (!r.ok)
			expect(r.message).toBe(
				'huge.csv: file too large: 500 MB, limit 256 MB; split it by symbol or convert it to Parquet'
			);
		expect(await db.datasets.count()).toBe(0);
	});

	it.each([
		['', 'empty.csv: empty file'],
		['date,close\n', 'header.csv: header only: no data rows'],
		['date,open\n2024-01-02,1\n', 'nohead.csv: '],
		['\u0000\u0001\u0002\u0003binary', 'bin.csv: not a CSV text file']
	])('refuses %j with a message naming the file', async (text, message) => {
		const { db, api } = setup();
		const name = message.split(':')[0];
		const r = await api.inspectFiles([{ file: blob(text), name }]);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toContain(message);
		expect(await db.datasets.count()).toBe(0);
	});

	it('reports ragged rows, non-numeric cells, duplicate and unsorted times by row before storing', async () => {
		const { db, api } = setup();
		const lines = csv(60).trimEnd().split('\n');
		lines[3] = lines[3] + ',extra'; // ragged: row 4
		lines[5] = lines[5].replace(/,[^,]*$/, ',lots'); // non-numeric volume: row 6
		lines[8] = lines[7]; // duplicate time: row 9
		[lines[20], lines[21]] = [lines[21], lines[20]]; // unsorted: rows 21/22
		const r = await api.inspectFiles([{ file: blob(lines.join('\n')), name: 'dirty.csv' }]);
		if (!r.ok) throw new Error(r.message);
		const [item] = r.value.items;
		expect(item.clean).toBe(false);
		expect(item.report.invalidCells.count).toBeGreaterThanOrEqual(2);
		expect(item.report.duplicates.count).toBe(1);
		expect(item.report.nonMonotonic.count).toBeGreaterThanOrEqual(1);
		expect(await db.datasets.count()).toBe(0);
		const rejected = await api.commitImport(item.token, NO_FIXES);
		expect(rejected.ok ? null : rejected.message).toMatch(/row \d+/);
		expect(await db.datasets.count()).toBe(0);
	});
});
