import { err, ok, type Result } from '../result';

/** The fields a bar file can carry; `adjClose` stands in for `close` only when `close` is absent. */
export type CsvField = 'time' | 'open' | 'high' | 'low' | 'close' | 'adjClose' | 'volume';

/** Header spellings after normalisation (lower case, punctuation and runs of spaces folded to one space). */
const ALIASES = new Map<string, CsvField>([
	['date', 'time'],
	['time', 'time'],
	['timestamp', 'time'],
	['datetime', 'time'],
	['date time', 'time'],
	['open', 'open'],
	['high', 'high'],
	['low', 'low'],
	['close', 'close'],
	['adj close', 'adjClose'],
	['adjclose', 'adjClose'],
	['adjusted close', 'adjClose'],
	['volume', 'volume'],
	['vol', 'volume']
]);

/** Column index of each field in the file, or -1 where the file has none. */
export type ColumnMap = Record<CsvField, number>;

/** `"Adj_Close"` → `adj close`; the BOM some spreadsheet exports put before the first name is dropped. */
export const normalizeHeader = (name: string): string =>
	name
		.replace(/^\uFEFF/, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

/**
 * Finds the time and price columns in a CSV header, case-insensitively and ignoring quotes, spaces,
 * underscores and dots: `Date`/`time`/`Timestamp`/`datetime`, `open`, `high`, `low`, `close`,
 * `Adj Close`/`adj_close`, `volume`/`vol`. Other columns are ignored. Two columns naming the same field
 * is an error, since silently picking one could pick the wrong one.
 *
 * @example
 * const r = matchColumns(['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume']);
 * if (r.ok) r.value.close; // 4
 */
export function matchColumns(header: readonly string[]): Result<ColumnMap> {
	const map: ColumnMap = {
		time: -1,
		open: -1,
		high: -1,
		low: -1,
		close: -1,
		adjClose: -1,
		volume: -1
	};
	for (let i = 0; i < header.length; i++) {
		const field = ALIASES.get(normalizeHeader(header[i]));
		if (field === undefined) continue;
		if (map[field] !== -1) {
			return err(
				'bad_input',
				`columns "${header[map[field]]}" and "${header[i]}" both name the ${field} column`,
				{
					row: 1
				}
			);
		}
		map[field] = i;
	}
	return ok(map);
}
