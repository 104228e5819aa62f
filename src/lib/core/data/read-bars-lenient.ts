import { type Result } from '../result';
import { LenientBarReader } from './lenient-bar-reader';
import { DEFAULT_MAX_ROWS } from './parse-ohlcv-csv';
import type { RawBars } from './raw-bars';
import { streamCsvRecords } from './stream-csv-records';

export interface ReadBarsLenientOptions {
	symbol: string;
	/** Files with more data rows are refused with code `too_large`. Default 5,000,000. */
	maxRows?: number;
}

/**
 * Reads a bar file like `parseOhlcvCsv` (same delimiters, header spellings and time formats, plus
 * decimal years such as `1991.49615`), but does not stop at the first bad cell: every data record
 * becomes a bar, in file order, with NaN or ±Infinity where a cell could not be read and a
 * `CellIssue` saying which cell and why. Duplicates, unordered times and impossible prices are kept
 * as written for `assessQuality` to report and `applyFixes` to resolve.
 *
 * Hard failures, with the strict parser's messages, only for files that cannot be read at all: empty,
 * binary, no header (no time or close column), two columns for one field, header only, or more than
 * `maxRows` data rows (`too_large`).
 *
 * @example
 * const r = readBarsLenient('date,close\n2024-01-02,abc\n2024-01-03,2\n', { symbol: 'X' });
 * if (r.ok) r.value.close; // Float64Array [NaN, 2]; r.value.issues[0].kind === 'not_a_number'
 */
export function readBarsLenient(text: string, opts: ReadBarsLenientOptions): Result<RawBars> {
	const reader = new LenientBarReader(opts.maxRows ?? DEFAULT_MAX_ROWS, false);
	const failure = streamCsvRecords(text, (fields, row, quoteError) =>
		reader.accept(fields, row, quoteError)
	);
	if (failure) return failure;
	const r = reader.finish(opts.symbol);
	return r.ok ? { ok: true, value: r.value[0] } : r;
}
