import { describe, expect, it } from 'vitest';
import eustock from '../../../../static/datasets/eustockmarkets_daily_close.csv?raw';
import { decimalYearToMs } from './decimal-year';
import { rawBarsToSeries } from './raw-bars-to-series';
import { splitWideCsv } from './split-wide-csv';

function split(text: string) {
	const r = splitWideCsv(text);
	if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
	return r.value;
}

describe('splitWideCsv on the real EuStockMarkets file', () => {
	const raws = split(eustock);
	const series = raws.map((raw) => {
		const s = rawBarsToSeries(raw);
		if (!s.ok) throw new Error(s.message);
		return s.value;
	});

	it('gives four series named DAX, SMI, CAC and FTSE of 1,860 bars each', () => {
		expect(series.map((s) => [s.symbol, s.close.length])).toEqual([
			['DAX', 1860],
			['SMI', 1860],
			['CAC', 1860],
			['FTSE', 1860]
		]);
	});
	it('converts decimal-year times to strictly ascending milliseconds', () => {
		for (const s of series) {
			expect(s.time.every((t, i) => i === 0 || t > s.time[i - 1])).toBe(true);
			expect(s.time[0]).toBe(decimalYearToMs(1991.49615384615));
		}
		expect(new Date(series[0].time[0]).toISOString().slice(0, 10)).toBe('1991-07-01');
		expect(new Date(series[0].time[1859]).toISOString().slice(0, 10)).toBe('1998-08-24');
	});
	it('reads each symbol’s close, with open, high and low equal to it and no volume', () => {
		expect([
			series[0].close[0],
			series[1].close[0],
			series[2].close[0],
			series[3].close[0]
		]).toEqual([1628.75, 1678.1, 1772.8, 2443.6]);
		expect(series[3].high).toEqual(series[3].close);
		expect(raws[0].hasVolume).toBe(false);
		expect(series[0].volume[0]).toBeNaN();
	});
	it('says it read the first column as time, in decimal years', () => {
		expect(raws[0].warnings).toEqual([
			'no column named like a time: read the first column, "t", as time',
			'timestamps read as a decimal year like 1991.49615 (year + fraction of that year) (UTC)',
			'one close column per symbol: open, high and low set to close; volume is NaN'
		]);
	});
});

describe('splitWideCsv', () => {
	it('uses a column named like a time wherever it is', () => {
		const [a, b] = split('AAA,date,BBB\n1,2024-01-02,2\n');
		expect([a.symbol, b.symbol, a.time[0], b.close[0]]).toEqual([
			'AAA',
			'BBB',
			Date.UTC(2024, 0, 2),
			2
		]);
	});
	it('keeps bad cells as NaN with an issue, leaving the other symbols intact', () => {
		const [a, b] = split('date,A,B\n2024-01-02,1,x\n2024-01-03,2\n');
		expect(Array.from(a.close)).toEqual([1, NaN]);
		expect(Array.from(b.close)).toEqual([NaN, NaN]);
		expect(b.issues.map((x) => [x.row, x.kind])).toEqual([
			[2, 'not_a_number'],
			[3, 'malformed_row']
		]);
	});
	it.each([
		['a time column alone', 'date\n2024-01-02\n', 'no symbol columns'],
		['two columns with one name', 'date,A,A\n2024-01-02,1,2\n', 'two columns are named "A"'],
		['a header alone', 'date,A\n', 'header only: no data rows']
	])('refuses %s', (_, text, message) => {
		const r = splitWideCsv(text);
		expect(r.ok ? '' : r.message).toContain(message);
	});
});
