import { parseDecimal } from './parse-decimal';
import { parseIsoTime } from './parse-iso-time';

/**
 * How a file writes its timestamps: ISO 8601 text, `YYYYMMDD` integers, or epoch seconds or
 * milliseconds.
 */
export type TimeFormat = 'iso' | 'yyyymmdd' | 'epoch_s' | 'epoch_ms';

/** 1e11 s is the year 5138 and 1e11 ms is March 1973: below it a number is seconds, above it milliseconds. */
const EPOCH_MS_FROM = 1e11;

/**
 * Decides, from a file's first timestamp, how all its timestamps are written, so one file is read one
 * way (a per-cell guess could read row 1 as seconds and row 2 as milliseconds). An 8-digit integer that
 * is a valid calendar date (`20240131`) is read as `YYYYMMDD`, not as epoch seconds in 1970; other
 * numbers are epoch milliseconds from 1e11 up and epoch seconds below.
 *
 * @returns the format, or `null` when the cell is neither a date nor a number.
 * @example
 * detectTimeFormat('2024-01-31'); // 'iso'
 * detectTimeFormat('20240131'); // 'yyyymmdd'
 * detectTimeFormat('1706659200'); // 'epoch_s'
 * detectTimeFormat('1706659200000'); // 'epoch_ms'
 */
export function detectTimeFormat(cell: string): TimeFormat | null {
	const s = cell.trim();
	if (parseIsoTime(s) !== null) return 'iso';
	if (/^\d{8}$/.test(s) && parseIsoTime(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`) !== null)
		return 'yyyymmdd';
	const x = parseDecimal(s);
	if (x === null || !Number.isFinite(x)) return null;
	return Math.abs(x) >= EPOCH_MS_FROM ? 'epoch_ms' : 'epoch_s';
}
