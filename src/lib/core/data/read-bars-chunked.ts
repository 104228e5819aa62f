import type { Result } from '../result';
import { ChunkedCsvRecords } from './chunked-csv-records';
import { LenientBarReader } from './lenient-bar-reader';
import { DEFAULT_MAX_ROWS } from './parse-ohlcv-csv';
import type { RawBars } from './raw-bars';

export interface ReadBarsChunkedOptions {
	/** The series name when the file has no symbol column. */
	symbol: string;
	/** Files with more data rows are refused with code `too_large`. Default 5,000,000. */
	maxRows?: number;
	/** Group rows by a symbol/ticker column: `'auto'` (default) when the header has exactly one. */
	bySymbol?: boolean | 'auto';
}

/**
 * The streaming twin of `readBarsLenient` / `splitLongCsv`: reads a delimited bar file from text
 * chunks (e.g. `Blob.stream()` decoded), so memory holds the columns being built, not the file.
 * Returns one `RawBars` per symbol (one, named `symbol`, for a single-symbol file). Stops at the
 * first hard error (empty, binary, unusable header, too many rows); cell problems become issues.
 *
 * @example
 * const r = await readBarsChunked(chunksOf(file), { symbol: 'SPY' });
 */
export async function readBarsChunked(
	chunks: AsyncIterable<string> | Iterable<string>,
	opts: ReadBarsChunkedOptions
): Promise<Result<RawBars[]>> {
	const reader = new LenientBarReader(opts.maxRows ?? DEFAULT_MAX_ROWS, opts.bySymbol ?? 'auto');
	const records = new ChunkedCsvRecords(
		(fields, row, quoteError) => reader.accept(fields, row, quoteError),
		(text, start, end, row, delimiter) => reader.acceptRange(text, start, end, row, delimiter)
	);
	for await (const chunk of chunks) {
		const failure = records.push(chunk);
		if (failure) return failure;
	}
	return records.end() ?? reader.finish(opts.symbol);
}
