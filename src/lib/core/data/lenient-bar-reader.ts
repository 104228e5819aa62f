import type { OhlcvField } from '../ohlcv';
import { err, ok, type Err, type Result } from '../result';
import { barHeaderWarnings, matchBarHeader, type BarHeader } from './match-bar-header';
import { normalizeHeader } from './match-columns';
import { LenientTimeReader, TIME_FORMAT_WORDS } from './lenient-time-reader';
import { RawBarsBuilder, type RawBars } from './raw-bars';
import { readNumberLenient } from './read-number-lenient';

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

	/** `bySymbol: 'auto'` groups by symbol when the header has exactly one symbol column. */
	constructor(maxRows: number, bySymbol: boolean | 'auto') {
		this.#maxRows = maxRows;
		this.#bySymbol = bySymbol;
	}

	accept(fields: readonly string[], row: number, quoteError: string | null): Err | null {
		if (fields.every((f) => f.trim() === '')) return null;
		if (this.#header === null) return this.#acceptHeader(fields);
		if (++this.#rows > this.#maxRows) {
			return err('too_large', `too many rows: more than ${this.#maxRows} data rows (the limit)`, {
				row,
				maxRows: this.#maxRows
			});
		}
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
			group.push(row, { time: NaN, open: NaN, high: NaN, low: NaN, close: NaN, volume: NaN });
			return null;
		}
		const cell = (column: OhlcvField, index: number): number => {
			const text = fields[index];
			const r = column === 'time' ? this.#time.read(text) : readNumberLenient(text);
			if (r.issue !== null) group.issues.push({ row, column, kind: r.issue, text });
			return r.value;
		};
		const time = cell('time', map.time);
		const close = cell('close', closeColumn);
		const open = map.open < 0 ? close : cell('open', map.open);
		const high = map.high < 0 ? close : cell('high', map.high);
		const low = map.low < 0 ? close : cell('low', map.low);
		const volume = map.volume < 0 ? NaN : cell('volume', map.volume);
		group.push(row, { time, open, high, low, close, volume });
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
		if (this.#bySymbol) this.#symbolColumn = symbolColumns[0];
		return null;
	}
}
