import type { OhlcvSeries } from '../ohlcv';
import { err, ok, type Err, type Result } from '../result';
import { detectTimeFormat, type TimeFormat } from './detect-time-format';
import { matchBarHeader } from './match-bar-header';
import type { ColumnMap } from './match-columns';
import { parseDecimal } from './parse-decimal';
import { readTime } from './read-time';

/** A parsed bar file and what the parser had to assume to read it. */
export interface ParsedOhlcv {
	series: OhlcvSeries;
	/** One sentence per assumption: synthesised columns, ignored columns, how times were read. */
	warnings: string[];
}

const FORMAT_WORDS: Record<TimeFormat, string> = {
	iso: 'an ISO 8601 date like 2024-01-31 or 2024-01-31T09:30:00Z',
	yyyymmdd: 'a YYYYMMDD date',
	epoch_s: 'epoch seconds',
	epoch_ms: 'epoch milliseconds'
};

/**
 * The row-by-row half of `parseOhlcvCsv`: takes the CSV records one at a time (so a CSV tokenizer can
 * stream into it and stop at the first error) and keeps the bars in plain arrays until `finish`.
 * Row numbers count the header as row 1, as a spreadsheet does. The first error ends the read: the
 * caller never gets a partial series.
 */
export class CsvBarReader {
	readonly #maxRows: number;
	#header: string[] | null = null;
	#map: ColumnMap | null = null;
	#closeColumn = -1;
	#format: TimeFormat | null = null;
	#previousCell = '';
	#previousRow = 0;
	readonly #time: number[] = [];
	readonly #open: number[] = [];
	readonly #high: number[] = [];
	readonly #low: number[] = [];
	readonly #close: number[] = [];
	readonly #volume: number[] = [];

	constructor(maxRows: number) {
		this.#maxRows = maxRows;
	}

	/** Reads one record; returns the error that ends the read, or `null` to go on. Blank lines are skipped. */
	accept(fields: readonly string[], row: number): Err | null {
		if (fields.every((f) => f.trim() === '')) return null;
		if (this.#header === null || this.#map === null) return this.#acceptHeader(fields);
		const map = this.#map;
		if (fields.length !== this.#header.length) {
			return err(
				'bad_input',
				`row ${row}: ${fields.length} fields, but the header has ${this.#header.length}`,
				{ row }
			);
		}
		if (this.#time.length >= this.#maxRows) {
			return err('too_large', `too many rows: more than ${this.#maxRows} data rows (the limit)`, {
				row,
				maxRows: this.#maxRows
			});
		}
		const t = this.#readTime(fields[map.time], row);
		if (typeof t !== 'number') return t;
		const close = this.#readNumber(fields, this.#closeColumn, row, 'price');
		if (typeof close !== 'number') return close;
		const open = map.open < 0 ? close : this.#readNumber(fields, map.open, row, 'price');
		if (typeof open !== 'number') return open;
		const high = map.high < 0 ? close : this.#readNumber(fields, map.high, row, 'price');
		if (typeof high !== 'number') return high;
		const low = map.low < 0 ? close : this.#readNumber(fields, map.low, row, 'price');
		if (typeof low !== 'number') return low;
		const volume = map.volume < 0 ? NaN : this.#readNumber(fields, map.volume, row, 'volume');
		if (typeof volume !== 'number') return volume;
		this.#time.push(t);
		this.#open.push(open);
		this.#high.push(high);
		this.#low.push(low);
		this.#close.push(close);
		this.#volume.push(volume);
		return null;
	}

	/** The series, once every record has been accepted. */
	finish(symbol: string): Result<ParsedOhlcv> {
		if (this.#header === null || this.#map === null) return err('bad_input', 'empty file');
		if (this.#time.length === 0) return err('bad_input', 'header only: no data rows');
		return ok({
			series: {
				symbol,
				time: Float64Array.from(this.#time),
				open: Float64Array.from(this.#open),
				high: Float64Array.from(this.#high),
				low: Float64Array.from(this.#low),
				close: Float64Array.from(this.#close),
				volume: Float64Array.from(this.#volume)
			},
			warnings: this.#warnings(this.#header, this.#map)
		});
	}

	#acceptHeader(fields: readonly string[]): Err | null {
		const matched = matchBarHeader(fields);
		if (!matched.ok) return matched;
		this.#header = matched.value.names;
		this.#map = matched.value.map;
		this.#closeColumn = matched.value.closeColumn;
		return null;
	}

	#readTime(cell: string, row: number): number | Err {
		const name = this.#header![this.#map!.time];
		if (cell.trim() === '')
			return err('bad_input', `row ${row}: ${name} is empty`, { row, column: name });
		this.#format ??= detectTimeFormat(cell);
		const t = this.#format === null ? null : readTime(cell, this.#format);
		if (t === null) {
			const expected = FORMAT_WORDS[this.#format ?? 'iso'];
			return err('bad_input', `row ${row}: ${name} is "${cell}", not ${expected}`, {
				row,
				column: name
			});
		}
		const previous = this.#time.length > 0 ? this.#time[this.#time.length - 1] : -Infinity;
		if (t === previous) {
			return err(
				'bad_input',
				`duplicate timestamp at row ${row}: "${cell}" is also at row ${this.#previousRow}`,
				{ row }
			);
		}
		if (t < previous) {
			const newestFirst =
				this.#time.length === 1 ? '; the file looks newest-first: sort it oldest-first' : '';
			return err(
				'bad_input',
				`timestamps not ascending at row ${row}: "${cell}" comes after "${this.#previousCell}" (row ${this.#previousRow})${newestFirst}`,
				{ row }
			);
		}
		this.#previousCell = cell;
		this.#previousRow = row;
		return t;
	}

	#readNumber(
		fields: readonly string[],
		column: number,
		row: number,
		kind: 'price' | 'volume'
	): number | Err {
		const name = this.#header![column];
		const cell = fields[column];
		const fail = (what: string) =>
			err('bad_input', `row ${row}: ${name} ${what}`, { row, column: name });
		if (cell.trim() === '') return fail('is empty');
		const x = parseDecimal(cell);
		if (x === null) return fail(`is "${cell}", not a number`);
		if (!Number.isFinite(x)) return fail(`is "${cell}", not a finite number`);
		if (kind === 'price' && x <= 0) return fail(`is ${x}, but prices must be positive`);
		if (kind === 'volume' && x < 0) return fail(`is ${x}, but volume cannot be negative`);
		return x;
	}

	#warnings(header: readonly string[], map: ColumnMap): string[] {
		const warnings: string[] = [];
		if (map.close < 0) warnings.push(`no close column: close read from "${header[map.adjClose]}"`);
		const missing = (['open', 'high', 'low'] as const).filter((f) => map[f] < 0);
		if (missing.length > 0)
			warnings.push(
				`no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}: set to close`
			);
		if (map.volume < 0) warnings.push('no volume column: volume is NaN');
		const used = new Set([map.time, map.open, map.high, map.low, this.#closeColumn, map.volume]);
		const ignored = header.filter((_, i) => !used.has(i));
		if (ignored.length > 0) warnings.push(`ignored columns: ${ignored.join(', ')}`);
		if (this.#format !== 'iso' && this.#format !== null)
			warnings.push(`timestamps read as ${FORMAT_WORDS[this.#format]} (UTC)`);
		return warnings;
	}
}
