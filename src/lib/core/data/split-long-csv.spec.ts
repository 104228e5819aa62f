import { describe, expect, it } from 'vitest';
import { splitLongCsv } from './split-long-csv';

function split(text: string) {
	const r = splitLongCsv(text);
	if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
	return r.value;
}

describe('splitLongCsv', () => {
	const text =
		'date,ticker,open,high,low,close,volume\n' +
		'2024-01-02,AAA,1,2,0.5,1.5,10\n' +
		'2024-01-02,BBB,10,20,5,15,100\n' +
		'2024-01-03,AAA,1.5,2,1,x,11\n' +
		'2024-01-03,BBB,15,21,14,20,101\n';

	it('gives one series per symbol, in order of first appearance', () => {
		const [a, b] = split(text);
		expect([a.symbol, b.symbol]).toEqual(['AAA', 'BBB']);
		expect(Array.from(b.close)).toEqual([15, 20]);
		expect(Array.from(b.time)).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3)]);
		expect(Array.from(a.origin)).toEqual([2, 4]);
	});
	it('reads each symbol leniently, keeping its own issues', () => {
		const [a, b] = split(text);
		expect(Array.from(a.close)).toEqual([1.5, NaN]);
		expect(a.issues).toEqual([{ row: 4, column: 'close', kind: 'not_a_number', text: 'x' }]);
		expect(b.issues).toEqual([]);
	});
	it('does not list the symbol column as ignored', () => {
		expect(split(text)[0].warnings).toEqual([]);
	});
	it('collects rows with an empty symbol under "(no symbol)"', () => {
		expect(split('date,symbol,close\n2024-01-02,,1\n').map((s) => s.symbol)).toEqual([
			'(no symbol)'
		]);
	});
	it('refuses a file without a symbol column, naming what it found', () => {
		const r = splitLongCsv('date,close\n2024-01-02,1\n');
		expect(r.ok ? '' : r.message).toBe(
			'no symbol column (symbol, ticker, instrument, asset or security); found columns: date, close'
		);
	});
});
