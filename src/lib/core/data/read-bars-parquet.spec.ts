import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { readBarsParquet } from './read-bars-parquet';

const day = 86_400_000;
const t0 = Date.UTC(2024, 0, 2);

describe('readBarsParquet', () => {
	it('reads TIMESTAMP and DOUBLE columns as bars, nulls as issues naming the row', async () => {
		const bytes = parquetWriteBuffer({
			columnData: [
				{
					name: 'timestamp',
					data: [0, 1, 2].map((i) => new Date(t0 + i * day)),
					type: 'TIMESTAMP'
				},
				{ name: 'close', data: [1.5, null, 2.5], type: 'DOUBLE' },
				{ name: 'volume', data: [10n, 20n, 30n], type: 'INT64' }
			]
		});
		const r = await readBarsParquet(bytes, { symbol: 'PQ' });
		if (!r.ok) throw new Error(r.message);
		const [bars] = r.value;
		expect(bars.symbol).toBe('PQ');
		expect(Array.from(bars.time)).toEqual([t0, t0 + day, t0 + 2 * day]);
		expect(Array.from(bars.volume)).toEqual([10, 20, 30]);
		expect(bars.issues).toEqual([{ row: 3, column: 'close', kind: 'empty', text: '' }]);
	});

	it('splits by a symbol column', async () => {
		const bytes = parquetWriteBuffer({
			columnData: [
				{ name: 'date', data: ['2024-01-02', '2024-01-02', '2024-01-03'], type: 'STRING' },
				{ name: 'symbol', data: ['A', 'B', 'A'], type: 'STRING' },
				{ name: 'close', data: [1, 2, 3], type: 'DOUBLE' }
			]
		});
		const r = await readBarsParquet(bytes, { symbol: 'ignored' });
		expect(r.ok && r.value.map((s) => [s.symbol, s.close.length])).toEqual([
			['A', 2],
			['B', 1]
		]);
	});

	it('refuses a file without a close column, naming what it found', async () => {
		const bytes = parquetWriteBuffer({
			columnData: [{ name: 'date', data: ['2024-01-02'], type: 'STRING' }]
		});
		const r = await readBarsParquet(bytes, { symbol: 'X' });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/close/);
	});

	it('refuses bytes that are not Parquet', async () => {
		const r = await readBarsParquet(new TextEncoder().encode('PAR1 not really').buffer, {
			symbol: 'X'
		});
		expect(r).toMatchObject({ ok: false, code: 'bad_input' });
		if (!r.ok) expect(r.message).toContain('not a readable Parquet file');
	});
});
