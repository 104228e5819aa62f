import { err, type Err } from '../result';

/**
 * The largest file the browser import accepts: 256 MiB. A CSV row of daily OHLCV is ~50 bytes, so this
 * is ~5 million bars (the row limit, `DEFAULT_MAX_ROWS`), whose columns take ~280 MB while being built;
 * a tab holding more risks being killed on a laptop. Bigger files: split them by symbol (several files
 * can be selected at once) or convert them to Parquet, which is typically 5–10× smaller.
 */
export const MAX_IMPORT_BYTES = 256 * 2 ** 20;

const mb = (bytes: number): string => `${Math.ceil(bytes / 2 ** 20)} MB`;

/**
 * Refuses a file by its declared size before a byte is read.
 *
 * @example
 * checkImportSize({ size: 500 * 2 ** 20 }); // err too_large: 'file too large: 500 MB, limit 256 MB; …'
 */
export function checkImportSize(file: { size: number }, limit = MAX_IMPORT_BYTES): Err | null {
	if (file.size <= limit) return null;
	return err(
		'too_large',
		`file too large: ${mb(file.size)}, limit ${mb(limit)}; split it by symbol or convert it to Parquet`,
		{ size: file.size, limit }
	);
}

export type ImportFormat = 'csv' | 'json' | 'parquet';

/**
 * Parquet by its `PAR1` magic bytes (whatever the extension), JSON by extension or a leading `[`/`{`,
 * anything else as delimited text (CSV, TSV, semicolon or pipe separated).
 */
export function detectImportFormat(name: string, head: Uint8Array): ImportFormat {
	if (
		head.length >= 4 &&
		head[0] === 0x50 &&
		head[1] === 0x41 &&
		head[2] === 0x52 &&
		head[3] === 0x31
	)
		return 'parquet';
	if (/\.json$/i.test(name)) return 'json';
	const first = head.find(
		(b) =>
			b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf
	);
	return first === 0x5b || first === 0x7b ? 'json' : 'csv';
}
