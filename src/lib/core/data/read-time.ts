import type { TimeFormat } from './detect-time-format';
import { parseDecimal } from './parse-decimal';
import { parseIsoTime } from './parse-iso-time';

/** The ECMAScript time value range: ±1e8 days around the epoch. */
const MAX_TIME_MS = 8.64e15;

/**
 * Reads one timestamp cell in a known format as milliseconds since the Unix epoch (UTC). Epoch
 * seconds may carry a fraction (`1706659200.5`).
 *
 * @returns milliseconds UTC, or `null` when the cell is not in that format or is out of the date range.
 * @example
 * readTime('1985-01-02', 'iso'); // 473472000000
 * readTime('19850102', 'yyyymmdd'); // 473472000000
 * readTime('473472000', 'epoch_s'); // 473472000000
 */
export function readTime(cell: string, format: TimeFormat): number | null {
	const s = cell.trim();
	let t: number | null;
	switch (format) {
		case 'iso':
			t = parseIsoTime(s);
			break;
		case 'yyyymmdd':
			t = /^\d{8}$/.test(s)
				? parseIsoTime(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`)
				: null;
			break;
		case 'epoch_s': {
			const x = parseDecimal(s);
			t = x === null ? null : Math.round(x * 1000);
			break;
		}
		case 'epoch_ms':
			t = parseDecimal(s);
			break;
	}
	return t !== null && Number.isFinite(t) && Math.abs(t) <= MAX_TIME_MS ? t : null;
}
