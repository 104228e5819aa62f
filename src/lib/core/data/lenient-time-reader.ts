import type { CellIssueKind } from './raw-bars';
import { readDecimalYear } from './decimal-year';
import { detectTimeFormat, type TimeFormat } from './detect-time-format';
import { parseIsoTimeFast } from './parse-iso-time';
import { readTime } from './read-time';

/** The strict parser's time formats plus decimal years (`1991.49615`, as R writes a `ts`). */
export type LenientTimeFormat = TimeFormat | 'decimal_year';

export const TIME_FORMAT_WORDS: Record<LenientTimeFormat, string> = {
	iso: 'an ISO 8601 date like 2024-01-31 or 2024-01-31T09:30:00Z',
	yyyymmdd: 'a YYYYMMDD date',
	epoch_s: 'epoch seconds',
	epoch_ms: 'epoch milliseconds',
	decimal_year: 'a decimal year like 1991.49615 (year + fraction of that year)'
};

/**
 * Reads a file's time cells one by one without stopping at a bad one. The format is decided once,
 * from the first cell that is readable at all (as `detectTimeFormat` does, except that a number from
 * 1000 to 3000 is a decimal year, not epoch seconds in January 1970); a cell that does not fit it
 * reads as NaN with the reason.
 */
export class LenientTimeReader {
	#format: LenientTimeFormat | null = null;

	/** Why the last `value` call gave NaN, or `null` when it read a time. */
	issue: CellIssueKind | null = null;

	get format(): LenientTimeFormat | null {
		return this.#format;
	}

	/**
	 * `read(cell).value` without the result object, for the row loop: a well-formed ISO cell is read
	 * by `parseIsoTimeFast`; anything else goes through `read`, whose issue is left in `issue`.
	 */
	value(cell: string): number {
		if (this.#format === 'iso') {
			const t = parseIsoTimeFast(cell);
			if (t === t) {
				this.issue = null;
				return t;
			}
		}
		const r = this.read(cell);
		this.issue = r.issue;
		return r.value;
	}

	read(cell: string): { value: number; issue: CellIssueKind | null } {
		if (cell.trim() === '') return { value: NaN, issue: 'empty' };
		this.#format ??= detectLenientTimeFormat(cell);
		const t =
			this.#format === null
				? null
				: this.#format === 'decimal_year'
					? readDecimalYear(cell)
					: readTime(cell, this.#format);
		return t === null ? { value: NaN, issue: 'not_a_time' } : { value: t, issue: null };
	}
}

function detectLenientTimeFormat(cell: string): LenientTimeFormat | null {
	const strict = detectTimeFormat(cell);
	if (strict === 'epoch_s' && readDecimalYear(cell) !== null) return 'decimal_year';
	return strict;
}
