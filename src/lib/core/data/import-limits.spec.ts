import { describe, expect, it } from 'vitest';
import { checkImportSize, detectImportFormat, MAX_IMPORT_BYTES } from './import-limits';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('checkImportSize', () => {
	it('refuses a 500 MB file by its declared size, saying the limit and what to do', () => {
		const r = checkImportSize({ size: 500 * 2 ** 20 });
		expect(r).toMatchObject({ ok: false, code: 'too_large' });
		expect(r?.message).toBe(
			'file too large: 500 MB, limit 256 MB; split it by symbol or convert it to Parquet'
		);
	});
	it('accepts a file at the limit', () => {
		expect(checkImportSize({ size: MAX_IMPORT_BYTES })).toBeNull();
	});
});

describe('detectImportFormat', () => {
	it.each([
		['bars.csv', 'date,close\n', 'csv'],
		['bars.tsv', 'date\tclose\n', 'csv'],
		['bars.json', 'whatever', 'json'],
		['bars.txt', '  [{"date":1}]', 'json'],
		['bars.csv', 'PAR1\u0015\u0004', 'parquet']
	])('%s starting %j is %s', (name, head, format) => {
		expect(detectImportFormat(name, bytes(head))).toBe(format);
	});
});
