import type { OhlcvField } from '../ohlcv';
import { err, ok, type Err, type Result } from '../result';
import { barHeaderWarnings, matchBarHeader, type BarHeader } from './match-bar-header';
import { normalizeHeader } from './match-columns';
import { LenientTimeReader, TIME_FORMAT_WORDS } from './lenient-time-reader';
import { parseIsoTimeFast } from './parse-iso-time';
import { RawBarsBuilder, type RawBars } from './raw-bars';
import { readNumberLenient } from './read-number-lenient';
import { scanDecimal } from './scan-decimal';

/**
 * A price or volume cell: a plain finite literal (the bulk of any file) is read by `scanDecimal` with
 * no allocation; anything else goes through `readNumberLenient`, which names the issue.
 */
function numberCell(text: string, column: OhlcvField, row: number, group: RawBarsBuilder): number {
	const x = scanDecimal(text);
	if (x - x === 0) return x; // finite
	const r = readNumberLenient(text);
	if (r.issue !== null) group.issues.push({ row, column, kind: r.issue, text });
	return r.value;
}

function isBlankRecord(fields: readonly string[]): boolean {
	for (let i = 0; i < fields.length; i++) if (fields[i].trim() !== '') return false;
	return true;
}

/** Header spellings (after `normalizeHeader`) of the column that says which symbol a row is for. */
const SYMBOL_ALIASES = new Set(['symbol', 'ticker', 'instrument', 'asset', 'security']);

/** The group name of rows whose symbol cell is empty or unreadable. */
export const NO_SYMBOL = '(no symbol)';

/**
 * The row-by-row half of `readBarsLenient` and `splitLongCsv`: like `CsvBarReader`, but a bad cell
 * becomes NaN plus a `CellIssue` instead of ending the read. Only an unusable header or too many rows
 * end it. With `bySymbol`, rows are grouped by the file's symbol/ticker column.
 */
export class LenientBarReader {
	readonly #maxRows: number;
	#bySymbol: boolean | 'auto';
	readonly #time = new LenientTimeReader();
	readonly #groups = new Map<string, RawBarsBuilder>();
	#header: BarHeader | null = null;
	#symbolColumn = -1;
	#rows = 0;
	/** Where each field starts, for `acceptRange`. */
	#bounds = new Int32Array(0);

	/** `bySymbol: 'auto'` groups by symbol when the header has exactly one symbol column. */
	constructor(maxRows: number, bySymbol: boolean | 'auto') {
		this.#maxRows = maxRows;
		this.#bySymbol = bySymbol;
	}

	accept(fields: readonly string[], row: number, quoteError: string | null): Err | null {
		if (isBlankRecord(fields)) return null;
		if (this.#header === null) return this.#acceptHeader(fields);
		if (++this.#rows > this.#maxRows) return this.#tooMany(row);
		const { names, map, closeColumn } = this.#header;
		const symbolCell = this.#symbolColumn >= 0 ? (fields[this.#symbolColumn] ?? '').trim() : '';
		const group = this.#group(this.#bySymbol ? symbolCell || NO_SYMBOL : '');
		const malformed =
			quoteError ??
			(fields.length !== names.length
				? `${fields.length} fields, but the header has ${names.length}`
				: null);
		if (malformed !== null) {
			group.issues.push({ row, column: 'record', kind: 'malformed_row', text: malformed });
			group.pushBar(row, NaN, NaN, NaN, NaN, NaN, NaN);
			return null;
		}
		const time = this.#timeCell(fields[map.time], row, group);
		const close = numberCell(fields[closeColumn], 'close', row, group);
		const open = map.open < 0 ? close : numberCell(fields[map.open], 'open', row, group);
		const high = map.high < 0 ? close : numberCell(fields[map.high], 'high', row, group);
		const low = map.low < 0 ? close : numberCell(fields[map.low], 'low', row, group);
		const volume = map.volume < 0 ? NaN : numberCell(fields[map.volume], 'volume', row, group);
		group.pushBar(row, time, open, high, low, close, volume);
		return null;
	}

	/**
	 * `accept` for a record still in the text it came in (`text[start, end)`, no quotes): a row of
	 * well-formed ISO time and finite numbers, in a file without a symbol column, is read in place,
	 * without field strings. Anything else returns `false`, having changed nothing, for `accept`.
	 */
	acceptRange(
		text: string,
		start: number,
		end: number,
		row: number,
		delimiter: string
	): Err | null | false {
		const header = this.#header;
		if (header === null || this.#bySymbol || this.#time.format !== 'iso') return false;
		const { names, map, closeColumn } = header;
		const bounds = this.#bounds;
		bounds[0] = start;
		for (let k = 1; k < names.length; k++) {
			const d = text.indexOf(delimiter, bounds[k - 1]);
			if (d < 0 || d >= end) return false;
			bounds[k] = d + 1;
		}
		bounds[names.length] = end + 1; // so field k ends at bounds[k + 1] - 1
		const extra = text.indexOf(delimiter, bounds[names.length - 1]);
		if (extra >= 0 && extra < end) return false;
		const time = parseIsoTimeFast(text, bounds[map.time], bounds[map.time + 1] - 1);
		const close = scanDecimal(text, bounds[closeColumn], bounds[closeColumn + 1] - 1);
		if (time !== time || close - close !== 0) return false;
		const open =
			map.open < 0 ? close : scanDecimal(text, bounds[map.open], bounds[map.open + 1] - 1);
		const high =
			map.high < 0 ? close : scanDecimal(text, bounds[map.high], bounds[map.high + 1] - 1);
		const low = map.low < 0 ? close : scanDecimal(text, bounds[map.low], bounds[map.low + 1] - 1);
		const volume =
			map.volume < 0 ? 0 : scanDecimal(text, bounds[map.volume], bounds[map.volume + 1] - 1);
		// Finite, all of them (x − x is NaN for NaN and ±Infinity).
		if (open - open + (high - high) + (low - low) + (volume - volume) !== 0) return false;
		if (++this.#rows > this.#maxRows) return this.#tooMany(row);
		this.#group('').pushBar(row, time, open, high, low, close, map.volume < 0 ? NaN : volume);
		return null;
	}

	/** One `RawBars` per symbol in order of first appearance (one, named `symbol`, without `bySymbol`). */
	finish(symbol: string): Result<RawBars[]> {
		if (this.#header === null) return err('bad_input', 'empty file');
		if (this.#rows === 0) return err('bad_input', 'header only: no data rows');
		const warnings = barHeaderWarnings(this.#header, [this.#symbolColumn]);
		const format = this.#time.format;
		if (format !== 'iso' && format !== null)
			warnings.push(`timestamps read as ${TIME_FORMAT_WORDS[format]} (UTC)`);
		const hasVolume = this.#header.map.volume >= 0;
		return ok(
			[...this.#groups].map(([key, builder]) =>
				builder.finish(this.#bySymbol ? key : symbol, 'row', hasVolume, [...warnings])
			)
		);
	}

	#tooMany(row: number): Err {
		return err('too_large', `too many rows: more than ${this.#maxRows} data rows (the limit)`, {
			row,
			maxRows: this.#maxRows
		});
	}

	#timeCell(text: string, row: number, group: RawBarsBuilder): number {
		const t = this.#time.value(text);
		if (this.#time.issue !== null)
			group.issues.push({ row, column: 'time', kind: this.#time.issue, text });
		return t;
	}

	#group(key: string): RawBarsBuilder {
		let group = this.#groups.get(key);
		if (group === undefined) {
			group = new RawBarsBuilder();
			this.#groups.set(key, group);
		}
		return group;
	}

	#acceptHeader(fields: readonly string[]): Err | null {
		const matched = matchBarHeader(fields);
		if (!matched.ok) return matched;
		const symbolColumns = matched.value.names
			.map((name, i) => (SYMBOL_ALIASES.has(normalizeHeader(name)) ? i : -1))
			.filter((i) => i >= 0);
		if (this.#bySymbol === 'auto') this.#bySymbol = symbolColumns.length === 1;
		if (this.#bySymbol && symbolColumns.length !== 1) {
			const found = `found columns: ${matched.value.names.join(', ')}`;
			return err(
				'bad_input',
				symbolColumns.length === 0
					? `no symbol column (symbol, ticker, instrument, asset or security); ${found}`
					: `more than one symbol column; ${found}`,
				{ row: 1 }
			);
		}
		this.#header = matched.value;
		this.#bounds = new Int32Array(matched.value.names.length + 1);
		if (this.#bySymbol) this.#symbolColumn = symbolColumns[0];
		return null;
	}
}
