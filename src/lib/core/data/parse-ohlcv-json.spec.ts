import { describe, expect, it } from 'vitest';
import { parseOhlcvJson } from './parse-ohlcv-json';
import { readBarsJson } from './read-bars-json';

const DAY = 86_400_000;
const t0 = Date.UTC(2024, 0, 2);

function parsed(text: string) {
	const r = parseOhlcvJson(text, { symbol: 'TEST' });
	if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
	return r.value;
}

function failure(text: string, maxRows?: number) {
	const r = parseOhlcvJson(text, { symbol: 'TEST', maxRows });
	if (r.ok) throw new Error('expected an error, got a series');
	return r;
}

describe('parseOhlcvJson layouts', () => {
	it('reads an array of bar objects with the CSV key spellings', () => {
		const { series, warnings } = parsed(
			JSON.stringify([
				{ Date: '2024-01-02', Open: 1, High: '2', Low: 0.5, Close: 1.5, Vol: 10 },
				{ Date: '2024-01-03', Open: 1.5, High: 2.5, Low: 1, Close: 2, Vol: 11 }
			])
		);
		expect(Array.from(series.time)).toEqual([t0, t0 + DAY]);
		expect(Array.from(series.high)).toEqual([2, 2.5]);
		expect(Array.from(series.volume)).toEqual([10, 11]);
		expect(series.symbol).toBe('TEST');
		expect(warnings).toEqual([]);
	});
	it('reads columnar JSON with epoch-second times, and says how it read them', () => {
		const { series, warnings } = parsed(
			JSON.stringify({ timestamp: [t0 / 1000, (t0 + DAY) / 1000], close: [1, 2] })
		);
		expect(Array.from(series.time)).toEqual([t0, t0 + DAY]);
		expect(Array.from(series.open)).toEqual([1, 2]);
		expect(warnings).toEqual([
			'no open, high, low keys: set to close',
			'no volume key: volume is NaN',
			'timestamps read as epoch seconds (UTC)'
		]);
	});
	it('gives the same series from both layouts', () => {
		const rows = parsed('[{"time":"2024-01-02","close":1},{"time":"2024-01-03","close":2}]');
		const cols = parsed('{"time":["2024-01-02","2024-01-03"],"close":[1,2]}');
		expect(rows.series).toEqual(cols.series);
	});
});

describe('parseOhlcvJson refuses bad JSON with a message naming the index and key', () => {
	it.each([
		['an empty text', '', 'empty file'],
		['malformed JSON', '[{"time": "2024-01-02", "close": 1}', 'not valid JSON: '],
		[
			'a scalar',
			'42',
			'expected an array of bar objects ([{ "time": …, "close": … }, …]) or an object of columns ({ "time": […], "close": […] }); got number'
		],
		[
			'an array element that is not an object',
			'[{"time":"2024-01-02","close":1}, 5]',
			'index 1: expected a bar object like { "time": "2024-01-02", "close": 101.5 }'
		],
		[
			'a value of the wrong type',
			'[{"time":"2024-01-02","close":1},{"time":"2024-01-03","close":[2]}]',
			'index 1, key "close": expected a number, a numeric string or null'
		],
		[
			'a column that is not an array',
			'{"time":["2024-01-02"],"close":1}',
			'key "close": expected an array of values'
		],
		[
			'a columnar value of the wrong type',
			'{"time":["2024-01-02","2024-01-03"],"close":[1,true]}',
			'key "close", index 1: expected a number, a numeric string or null'
		],
		[
			'columns of unequal length',
			'{"time":["2024-01-02","2024-01-03"],"close":[1]}',
			'key "close" has 1 values, but "time" has 2: columns must be the same length'
		],
		[
			'bars without a close',
			'[{"time":"2024-01-02","price":1}]',
			'no close column; found columns: time, price'
		],
		['an empty array', '[]', 'no close column; found columns: '],
		[
			'an unreadable price',
			'[{"time":"2024-01-02","close":1},{"time":"2024-01-03","close":"abc"}]',
			'index 1: close is "abc", not a number'
		],
		[
			'a missing close',
			'[{"time":"2024-01-02","close":1},{"time":"2024-01-03"}]',
			'index 1: close is empty'
		],
		['a null close', '{"time":["2024-01-02"],"close":[null]}', 'index 0: close is empty'],
		[
			'a negative price',
			'{"time":["2024-01-02"],"close":[-1]}',
			'index 0: close is -1, but prices must be positive'
		],
		[
			'a duplicate time',
			'{"time":["2024-01-02","2024-01-02"],"close":[1,2]}',
			'duplicate timestamp at index 1: the same time as index 0'
		],
		[
			'newest-first times',
			'{"time":["2024-01-03","2024-01-02"],"close":[1,2]}',
			'timestamps not ascending at index 1: earlier than index 0'
		]
	])('refuses %s', (_, text, message) => {
		const r = failure(text);
		expect(r.code).toBe('bad_input');
		expect(r.message).toContain(message);
	});
	it('points at the index in details', () => {
		expect(failure('{"time":["2024-01-02","x"],"close":[1,2]}').details).toEqual({ index: 1 });
	});
	it('refuses more than maxRows bars with code too_large', () => {
		expect(failure('{"time":["2024-01-02","2024-01-03"],"close":[1,2]}', 1).code).toBe('too_large');
	});
});

describe('readBarsJson', () => {
	it('keeps unreadable values as NaN with issues numbered by index', () => {
		const r = readBarsJson('{"time":["2024-01-02","2024-01-03"],"close":[null,"x"]}', {
			symbol: 'X'
		});
		if (!r.ok) throw new Error(r.message);
		expect(r.value.originWord).toBe('index');
		expect(Array.from(r.value.close)).toEqual([NaN, NaN]);
		expect(r.value.issues).toEqual([
			{ row: 0, column: 'close', kind: 'empty', text: '' },
			{ row: 1, column: 'close', kind: 'not_a_number', text: 'x' }
		]);
	});
});
