import { describe, expect, it } from 'vitest';
import { readBarsChunked } from './read-bars-chunked';
import { readBarsLenient } from './read-bars-lenient';

/** Cuts text into chunks of `size` characters: every boundary case a stream can produce. */
function* chunksOf(text: string, size: number): Generator<string> {
	for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const CSV = [
	'date,open,high,low,close,volume',
	'2024-01-02,1,2,0.5,1.5,100',
	'2024-01-03,1.5,2.5,1,2,abc',
	'2024-01-04,2,3,1.5,2.5',
	'2024-01-05,"2.5","3,5",2,3,300',
	''
].join('\n');

async function read(text: string, size: number, symbol = 'X') {
	const r = await readBarsChunked(chunksOf(text, size), { symbol });
	if (!r.ok) throw new Error(r.message);
	return r.value;
}

describe('readBarsChunked', () => {
	it.each([1, 2, 7, 64, 1 << 20])(
		'reads the same bars and issues as readBarsLenient whatever the chunk size (%i)',
		async (size) => {
			const whole = readBarsLenient(CSV, { symbol: 'X' });
			if (!whole.ok) throw new Error(whole.message);
			const [streamed] = await read(CSV, size);
			expect(streamed.close).toEqual(whole.value.close);
			expect(streamed.volume).toEqual(whole.value.volume);
			expect(streamed.issues).toEqual(whole.value.issues);
			expect(Array.from(streamed.origin)).toEqual(Array.from(whole.value.origin));
		}
	);

	it('names the row and column of a non-numeric cell and of a ragged row', async () => {
		const [bars] = await read(CSV, 5);
		expect(bars.issues).toContainEqual({
			row: 3,
			column: 'volume',
			kind: 'not_a_number',
			text: 'abc'
		});
		expect(bars.issues).toContainEqual({
			row: 4,
			column: 'record',
			kind: 'malformed_row',
			text: '5 fields, but the header has 6'
		});
	});

	it('reads a quoted field that spans a newline and a chunk boundary', async () => {
		const text = 'date,close,note\n2024-01-02,1,"a\nb"\n2024-01-03,2,c\n';
		const [bars] = await read(text, 3);
		expect(Array.from(bars.close)).toEqual([1, 2]);
		expect(Array.from(bars.origin)).toEqual([2, 3]);
	});

	it('reads TSV and CRLF line ends', async () => {
		const [bars] = await read('date\tclose\r\n2024-01-02\t1.5\r\n2024-01-03\t2\r\n', 4);
		expect(Array.from(bars.close)).toEqual([1.5, 2]);
	});

	it('splits a file with a symbol column into one series per symbol', async () => {
		const text = 'date,ticker,close\n2024-01-02,A,1\n2024-01-02,B,5\n2024-01-03,A,2\n';
		const series = await read(text, 6);
		expect(series.map((s) => [s.symbol, Array.from(s.close)])).toEqual([
			['A', [1, 2]],
			['B', [5]]
		]);
	});

	it.each([
		['', 'empty file'],
		['  \n\n', 'empty file'],
		['date,close\n', 'header only: no data rows'],
		['date,open\n2024-01-02,1\n', 'close']
	])('refuses %j with a clear message', async (text, message) => {
		const r = await readBarsChunked(chunksOf(text, 2), { symbol: 'X' });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toContain(message);
	});

	it('refuses more rows than the limit with too_large and the row where it stopped', async () => {
		const text =
			'date,close\n' + Array.from({ length: 20 }, (_, i) => `${2000 + i}-01-03,1`).join('\n');
		const r = await readBarsChunked(chunksOf(text, 16), { symbol: 'X', maxRows: 10 });
		expect(r).toMatchObject({ ok: false, code: 'too_large', details: { row: 12 } });
	});

	it('streams a 200,000-row file in 64 KiB chunks', async () => {
		const rows = 200_000;
		const day = 86_400_000;
		const t0 = Date.UTC(1990, 0, 1);
		function* file() {
			yield 'time,open,high,low,close,volume\n';
			let chunk = '';
			for (let i = 0; i < rows; i++) {
				chunk += `${new Date(t0 + i * day).toISOString()},${i},${i + 2},${i - 1},${i + 1},${i * 10}\n`;
				if (chunk.length > 65_536) {
					yield chunk;
					chunk = '';
				}
			}
			yield chunk;
		}
		const r = await readBarsChunked(file(), { symbol: 'BIG' });
		if (!r.ok) throw new Error(r.message);
		const [bars] = r.value;
		expect(bars.close.length).toBe(rows);
		expect(bars.close[rows - 1]).toBe(rows);
		expect(bars.time[rows - 1]).toBe(t0 + (rows - 1) * day);
		expect(bars.issues).toEqual([]);
	});
});
