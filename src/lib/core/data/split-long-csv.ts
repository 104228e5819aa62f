import { type Result } from '../result';
import { LenientBarReader } from './lenient-bar-reader';
import { DEFAULT_MAX_ROWS } from './parse-ohlcv-csv';
import type { RawBars } from './raw-bars';
import { streamCsvRecords } from './stream-csv-records';

export interface SplitLongCsvOptions {
	/** Files with more data rows (all symbols together) are refused with code `too_large`. Default 5,000,000. */
	maxRows?: number;
}

/**
 * Reads a "long" bar file, one row per symbol and time with a `symbol`/`ticker`/`instrument`/`asset`/
 * `security` column, into one `RawBars` per symbol, in order of first appearance, each named by its
 * symbol and read leniently as `readBarsLenient` reads a single-symbol file. Rows with an empty symbol
 * go to a series named `(no symbol)` rather than disappearing. A file without exactly one symbol
 * column is refused.
 *
 * @example
 * const r = splitLongCsv('date,ticker,close\n2024-01-02,A,1\n2024-01-02,B,5\n');
 * if (r.ok) r.value.map((s) => s.symbol); // ['A', 'B']
 */
export function splitLongCsv(text: string, opts: SplitLongCsvOptions = {}): Result<RawBars[]> {
	const reader = new LenientBarReader(opts.maxRows ?? DEFAULT_MAX_ROWS, true);
	const failure = streamCsvRecords(text, (fields, row, quoteError) =>
		reader.accept(fields, row, quoteError)
	);
	return failure ?? reader.finish('');
}
