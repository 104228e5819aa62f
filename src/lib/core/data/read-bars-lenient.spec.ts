import { describe, expect, it } from 'vitest';
import ttrc from '../../../../static/datasets/ttrc_daily_ohlcv.csv?raw';
import { parseOhlcvCsv } from './parse-ohlcv-csv';
import { readBarsLenient } from './read-bars-lenient';
import { readNumberLenient } from './read-number-lenient';

function raw(text: string, maxRows?: number) {
	const r = readBarsLenient(text, { symbol: 'TEST', maxRows });
	if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
	return r.value;
}

function failure(text: string, maxRows?: number) {
	const r = readBarsLenient(text, { symbol: 'TEST', maxRows });
	if (r.ok) throw new Error('expected an error, got bars');
	return r;
}

describe('readBarsLenient on the real TTR daily file', () => {
	it('reads the same 5,550 bars as the strict parser, with no issues', () => {
		const bars = raw(ttrc);
		const strict = parseOhlcvCsv(ttrc, { symbol: 'TEST' });
		if (!strict.ok) throw new Error(strict.message);
		expect(bars.time).toEqual(strict.value.series.time);
		expect(bars.close).toEqual(strict.value.series.close);
		expect(bars.volume).toEqual(strict.value.series.volume);
		expect(bars.issues).toEqual([]);
		expect(bars.warnings).toEqual([]);
		expect([bars.origin[0], bars.origin[5549]]).toEqual([2, 5551]);
	});
});

describe('readBarsLenient keeps going past bad cells', () => {
	const text =
		'date;open;high;low;close;volume\n' +
		'2024-01-02;1;2;0.5;1.5;10\n' +
		'2024-01-03;1;2;;abc;10\n' +
		'yesterday;1;Inf;0.5;1e999;-5\n' +
		'2024-01-05;1;2\n' +
		'2024-01-04;1;2;0.5;1.5;10\n';
	const bars = raw(text);

	it('returns one bar per record, in file order, with NaN or ±Infinity where cells are bad', () => {
		expect(Array.from(bars.origin)).toEqual([2, 3, 4, 5, 6]);
		expect(Array.from(bars.close)).toEqual([1.5, NaN, Infinity, NaN, 1.5]);
		expect(Array.from(bars.low)).toEqual([0.5, NaN, 0.5, NaN, 0.5]);
		expect(bars.time[2]).toBeNaN();
	});
	it('keeps values the strict parser refuses, such as negative volume and unordered times', () => {
		expect(bars.volume[2]).toBe(-5);
		expect(bars.time[4]).toBe(Date.UTC(2024, 0, 4));
	});
	it('lists each unreadable cell with its row, column, kind and text', () => {
		expect(bars.issues).toEqual([
			{ row: 3, column: 'close', kind: 'not_a_number', text: 'abc' },
			{ row: 3, column: 'low', kind: 'empty', text: '' },
			{ row: 4, column: 'time', kind: 'not_a_time', text: 'yesterday' },
			{ row: 4, column: 'close', kind: 'infinite', text: '1e999' },
			{ row: 4, column: 'high', kind: 'infinite', text: 'Inf' },
			{ row: 5, column: 'record', kind: 'malformed_row', text: '3 fields, but the header has 6' }
		]);
	});
	it('reads decimal-year times, and says so', () => {
		const bars = raw('date,close\n2024.5,1\n');
		expect(bars.time[0]).toBe(Date.UTC(2024, 6, 2));
		expect(bars.warnings).toContain(
			'timestamps read as a decimal year like 1991.49615 (year + fraction of that year) (UTC)'
		);
	});
});

describe('readBarsLenient refuses only unusable files, with the strict messages', () => {
	it.each([
		['an empty file', '', 'empty file'],
		['a header with no rows', 'date,close\n', 'header only: no data rows'],
		['a file without a close column', 'a,b\n1,2\n', 'no close column; found columns: a, b'],
		[
			'a file without a time column',
			'close\n1\n',
			'no time column (date, time, timestamp or datetime); found columns: close'
		],
		[
			'a file whose first row is data',
			'2024-01-02,1.5\n',
			'(the first row looks like data: add a header row naming the columns)'
		],
		['binary garbage', 'PK\u0003\u0004\u0014\u0000', 'not a CSV text file (NUL character']
	])('refuses %s', (_, text, message) => {
		expect(failure(text).message).toContain(message);
	});
	it('refuses more than maxRows rows with code too_large', () => {
		const r = failure('date,close\n2024-01-02,1\n2024-01-03,x\n2024-01-04,3\n', 2);
		expect(r.code).toBe('too_large');
	});
});

describe('readNumberLenient', () => {
	it.each([
		['1.5', 1.5, null],
		[' ', NaN, 'empty'],
		['NaN', NaN, 'not_a_number'],
		['n/a', NaN, 'not_a_number'],
		['-Infinity', -Infinity, 'infinite'],
		['inf', Infinity, 'infinite'],
		['1e999', Infinity, 'infinite']
	])('reads %j as %d (%s)', (cell, value, issue) => {
		expect(readNumberLenient(cell)).toEqual({ value, issue });
	});
});
