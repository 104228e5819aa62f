import { describe, expect, it } from 'vitest';
import ttrc from '../../../../static/datasets/ttrc_daily_ohlcv.csv?raw';
import eustock from '../../../../static/datasets/eustockmarkets_daily_close.csv?raw';
import { parseOhlcvCsv } from './parse-ohlcv-csv';

const DAY = 86_400_000;

function parsed(text: string, maxRows?: number) {
	const r = parseOhlcvCsv(text, { symbol: 'TEST', maxRows });
	if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
	return r.value;
}

function failure(text: string, maxRows?: number) {
	const r = parseOhlcvCsv(text, { symbol: 'TEST', maxRows });
	if (r.ok) throw new Error('expected an error, got a series');
	return r;
}

describe('parseOhlcvCsv on the real TTR daily file', () => {
	const { series, warnings } = parsed(ttrc);

	it('reads all 5,550 bars with no warnings', () => {
		expect(series.close.length).toBe(5550);
		expect(series.time.length).toBe(5550);
		expect(warnings).toEqual([]);
	});
	it('reads the first bar, 1985-01-02', () => {
		expect(series.time[0]).toBe(Date.UTC(1985, 0, 2));
		expect([
			series.open[0],
			series.high[0],
			series.low[0],
			series.close[0],
			series.volume[0]
		]).toEqual([3.18, 3.18, 3.08, 3.08, 1870906]);
	});
	it('reads the last bar, 2006-12-29', () => {
		const i = 5549;
		expect(series.time[i]).toBe(Date.UTC(2006, 11, 29));
		expect([
			series.open[i],
			series.high[i],
			series.low[i],
			series.close[i],
			series.volume[i]
		]).toEqual([52.05, 52.27, 51.78, 51.95, 4943331]);
	});
	it('keeps the symbol it was given', () => {
		expect(series.symbol).toBe('TEST');
	});
});

describe('parseOhlcvCsv column names', () => {
	it('matches headers case-insensitively, with quotes and spaces', () => {
		const { series } = parsed(
			'"DateTime"," OPEN ","High","LOW","Close","Vol"\n2024-01-02T10:00:00Z,1,3,0.5,2,100\n'
		);
		expect(Array.from(series.high)).toEqual([3]);
		expect(Array.from(series.volume)).toEqual([100]);
	});
	it('prefers close over adj close and says it ignored adj close', () => {
		const { series, warnings } = parsed('Date,Close,Adj Close\n2024-01-02,10,9\n');
		expect(series.close[0]).toBe(10);
		expect(warnings).toContain('ignored columns: Adj Close');
	});
	it('uses adj_close when there is no close, and says so', () => {
		const { series, warnings } = parsed('timestamp,adj_close\n2024-01-02,9\n');
		expect(series.close[0]).toBe(9);
		expect(warnings).toContain('no close column: close read from "adj_close"');
	});
	it('sets open, high and low to close and volume to NaN when only close is given', () => {
		const { series, warnings } = parsed('time,close\n2024-01-02,5\n2024-01-03,6\n');
		expect(Array.from(series.open)).toEqual([5, 6]);
		expect(Array.from(series.high)).toEqual([5, 6]);
		expect(Array.from(series.low)).toEqual([5, 6]);
		expect(Array.from(series.volume)).toEqual([NaN, NaN]);
		expect(warnings).toEqual([
			'no open, high, low columns: set to close',
			'no volume column: volume is NaN'
		]);
	});
});

describe('parseOhlcvCsv timestamps', () => {
	const t0 = Date.UTC(2024, 0, 2);
	it.each([
		['ISO dates', '2024-01-02\n2024-01-03'],
		['ISO date-times without offset, read as UTC', '2024-01-02T00:00\n2024-01-03 00:00:00.000'],
		['ISO date-times with offsets', '2024-01-02T01:00:00+01:00\n2024-01-02T19:00:00-0500'],
		['YYYYMMDD integers', '20240102\n20240103'],
		['epoch seconds', `${t0 / 1000}\n${(t0 + DAY) / 1000}`],
		['epoch milliseconds', `${t0}\n${t0 + DAY}`]
	])('reads %s', (_, times) => {
		const text =
			'date,close\n' +
			times
				.split('\n')
				.map((t) => `${t},1`)
				.join('\n');
		expect(Array.from(parsed(text).series.time)).toEqual([t0, t0 + DAY]);
	});
	it('says when numeric timestamps were read as epoch seconds', () => {
		expect(parsed(`date,close\n${t0 / 1000},1\n`).warnings).toContain(
			'timestamps read as epoch seconds (UTC)'
		);
	});
});

describe('parseOhlcvCsv file shapes', () => {
	it('reads tab- and semicolon-separated files', () => {
		expect(parsed('date\tclose\n2024-01-02\t1.5\n').series.close[0]).toBe(1.5);
		expect(parsed('date;close\n2024-01-02;1.5\n').series.close[0]).toBe(1.5);
	});
	it('reads CRLF line endings, a byte-order mark and blank lines', () => {
		const { series } = parsed('\uFEFFdate,close\r\n2024-01-02,1\r\n\r\n2024-01-03,2\r\n\r\n');
		expect(Array.from(series.close)).toEqual([1, 2]);
	});
	it('accepts exactly maxRows rows', () => {
		expect(parsed('date,close\n2024-01-02,1\n2024-01-03,2\n', 2).series.close.length).toBe(2);
	});
});

describe('parseOhlcvCsv refuses bad files with a message that says what and where', () => {
	const ok2 = 'date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,10\n';
	it.each([
		['an empty file', '', 'empty file'],
		['a whitespace-only file', ' \n\n', 'empty file'],
		['a header with no rows', 'date,close\n', 'header only: no data rows'],
		['a file without a close column', 'a,b\n1,2\n', 'no close column; found columns: a, b'],
		[
			'a file without a time column',
			'close\n1\n',
			'no time column (date, time, timestamp or datetime); found columns: close'
		],
		[
			'a file whose first row is data',
			'2024-01-02,1.5\n2024-01-03,1.6\n',
			'no close column; found columns: 2024-01-02, 1.5 (the first row looks like data: add a header row naming the columns)'
		],
		[
			'two time columns',
			'date,time,close\n2024-01-02,10:00,1\n',
			'columns "date" and "time" both name the time column'
		],
		[
			'a non-numeric price',
			ok2 + '2024-01-03,1,2,0.5,abc,10\n',
			'row 3: close is "abc", not a number'
		],
		['a NaN price', ok2 + '2024-01-03,NaN,2,0.5,1,10\n', 'row 3: open is "NaN", not a number'],
		[
			'an Infinity price',
			ok2 + '2024-01-03,1,Infinity,0.5,1,10\n',
			'row 3: high is "Infinity", not a number'
		],
		[
			'an overflowing price',
			ok2 + '2024-01-03,1,1e999,0.5,1,10\n',
			'row 3: high is "1e999", not a finite number'
		],
		[
			'a zero price',
			ok2 + '2024-01-03,1,2,0,1,10\n',
			'row 3: low is 0, but prices must be positive'
		],
		[
			'a negative price',
			ok2 + '2024-01-03,1,2,0.5,-1,10\n',
			'row 3: close is -1, but prices must be positive'
		],
		[
			'a negative volume',
			ok2 + '2024-01-03,1,2,0.5,1,-10\n',
			'row 3: volume is -10, but volume cannot be negative'
		],
		['an empty price cell', ok2 + '2024-01-03,1,2,,1,10\n', 'row 3: low is empty'],
		['a hex number', ok2 + '2024-01-03,0x10,2,0.5,1,10\n', 'row 3: open is "0x10", not a number'],
		[
			'an unparseable date',
			ok2 + '03/01/2024,1,2,0.5,1,10\n',
			'row 3: date is "03/01/2024", not an ISO 8601 date like 2024-01-31 or 2024-01-31T09:30:00Z'
		],
		[
			'an impossible date',
			'date,close\n2021-02-30,1\n',
			'row 2: date is "2021-02-30", not an ISO 8601 date'
		],
		[
			'a word as the first date',
			'date,close\nyesterday,1\n',
			'row 2: date is "yesterday", not an ISO 8601 date'
		],
		[
			'an epoch column with a date in it',
			'time,close\n1704153600,1\n2024-01-03,1\n',
			'row 3: time is "2024-01-03", not epoch seconds'
		],
		[
			'a duplicate timestamp',
			ok2 + '2024-01-02,1,2,0.5,1,10\n',
			'duplicate timestamp at row 3: "2024-01-02" is also at row 2'
		],
		[
			'a newest-first file',
			'date,close\n2024-01-03,1\n2024-01-02,1\n',
			'timestamps not ascending at row 3: "2024-01-02" comes after "2024-01-03" (row 2); the file looks newest-first: sort it oldest-first'
		],
		[
			'an out-of-order row',
			'date,close\n2024-01-02,1\n2024-01-04,1\n\n2024-01-03,1\n',
			'timestamps not ascending at row 5: "2024-01-03" comes after "2024-01-04" (row 3)'
		],
		['a short row', ok2 + '2024-01-03,1,2\n', 'row 3: 3 fields, but the header has 6'],
		[
			'an unterminated quote',
			ok2 + '"2024-01-03,1,2,0.5,1,10\n',
			'row 3: Quoted field unterminated'
		],
		[
			'binary garbage',
			'PK\u0003\u0004\u0014\u0000\u0008\u0000',
			'not a CSV text file (NUL character at position 5)'
		]
	])('refuses %s', (_, text, message) => {
		const r = failure(text);
		expect(r.code).toBe('bad_input');
		expect(r.message).toContain(message);
	});

	it('refuses random bytes decoded as text', () => {
		const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
		const text = new TextDecoder('latin1').decode(bytes).replaceAll('\u0000', '\u0001');
		expect(failure(text).message).toMatch(
			/^not a CSV text file \(\d+ control or undecodable characters/
		);
	});
	it('refuses more than maxRows rows with code too_large', () => {
		const r = failure('date,close\n2024-01-02,1\n2024-01-03,2\n2024-01-04,3\n', 2);
		expect(r.code).toBe('too_large');
		expect(r.message).toBe('too many rows: more than 2 data rows (the limit)');
	});
	it('points at the row and column in details', () => {
		expect(failure(ok2 + '2024-01-03,1,2,0.5,abc,10\n').details).toEqual({
			row: 3,
			column: 'close'
		});
	});
	it('refuses the EuStockMarkets file, which has no close or time column, naming what it found', () => {
		expect(failure(eustock).message).toBe('no close column; found columns: t, DAX, SMI, CAC, FTSE');
	});
});
