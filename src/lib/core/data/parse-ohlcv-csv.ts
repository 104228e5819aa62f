import Papa from 'papaparse';
import { err, type Result } from '../result';
import { CsvBarReader, type ParsedOhlcv } from './csv-bar-reader';
import { detectBinary } from './detect-binary';
import { detectDelimiter } from './detect-delimiter';

export const DEFAULT_MAX_ROWS = 5_000_000;

export interface ParseOhlcvCsvOptions {
	symbol: string;
	/** Files with more data rows are refused with code `too_large`. Default 5,000,000. */
	maxRows?: number;
}

/**
 * Reads a bar file (CSV, TSV, semicolon- or pipe-separated, with a header row; see `detectDelimiter`) into an `OhlcvSeries`.
 *
 * - **Columns**, matched case-insensitively, quotes and punctuation ignored: a time column named
 *   `date`, `time`, `timestamp` or `datetime`; `close` (or `adj close` / `adj_close` when there is no
 *   `close`); optional `open`, `high`, `low` (each set to close when absent) and `volume`/`vol` (NaN
 *   when absent). What was synthesised or ignored is listed in `warnings`.
 * - **Times**: ISO 8601 dates or date-times (offset-less ones read as UTC), `YYYYMMDD` integers, or
 *   epoch seconds / milliseconds, decided once from the first row (see `detectTimeFormat`). They must
 *   strictly increase: duplicates and out-of-order rows are errors, never silently sorted.
 * - **Values**: plain decimal numbers only; prices must be finite and positive, volume finite and
 *   non-negative. Empty cells are errors.
 *
 * All-or-nothing: the first problem ends the read with `{ ok: false, code: 'bad_input' }` (or
 * `'too_large'` past `maxRows`) and a message saying what and where (`row 17: close is "abc", not a
 * number`; rows count the header as row 1). `details` carries `{ row, column }` where they apply.
 *
 * @example
 * const r = parseOhlcvCsv('date,close\n2024-01-02,101.5\n2024-01-03,102\n', { symbol: 'X' });
 * if (r.ok) r.value.series.close; // Float64Array [101.5, 102]
 * else console.error(r.message);
 */
export function parseOhlcvCsv(text: string, opts: ParseOhlcvCsvOptions): Result<ParsedOhlcv> {
	const { symbol, maxRows = DEFAULT_MAX_ROWS } = opts;
	if (text.trim() === '') return err('bad_input', 'empty file');
	const binary = detectBinary(text);
	if (binary !== null) {
		return err(
			'bad_input',
			`not a CSV text file (${binary}); is it compressed, binary or a spreadsheet? Export it as CSV`
		);
	}
	const reader = new CsvBarReader(maxRows);
	let failure: Result<never> | null = null;
	let row = 0;
	Papa.parse<string[]>(text, {
		header: false,
		delimiter: detectDelimiter(text),
		dynamicTyping: false,
		skipEmptyLines: false,
		step: (step, parser) => {
			row++;
			const quotes = step.errors.find((e) => e.type === 'Quotes');
			failure = quotes
				? err('bad_input', `row ${row}: ${quotes.message}`, { row })
				: reader.accept(step.data, row);
			if (failure) parser.abort();
		}
	});
	return failure ?? reader.finish(symbol);
}
