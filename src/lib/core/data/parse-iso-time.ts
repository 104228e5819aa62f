/**
 * `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM[:SS[.fff…]]`, optionally followed by
 * `Z` or a `±HH:MM` / `±HHMM` offset (only after a time of day).
 */
const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Reads an ISO 8601 date or date-time (the RFC 3339 profile plus date-only and space-separated forms)
 * as milliseconds since the Unix epoch. Dates and date-times without an offset are read as **UTC**,
 * unlike `Date.parse`, which reads offset-less date-times in the machine's local zone — the same file
 * must give the same series on every machine. Fractions beyond milliseconds are truncated. Calendar
 * fields are range-checked (`2021-02-30` is rejected, not rolled over to March).
 *
 * @returns milliseconds UTC, or `null` when the text is not such a date.
 * @example
 * parseIsoTime('1985-01-02'); // 473472000000
 * parseIsoTime('2024-03-01T09:30:00+01:00'); // 1709281800000
 * parseIsoTime('2021-02-30'); // null
 */
export function parseIsoTime(text: string): number | null {
	const m = ISO.exec(text.trim());
	if (!m) return null;
	const [, ys, mos, ds, hs = '0', mis = '0', ss = '0', frac = '', zone = ''] = m;
	const [y, mo, d, h, mi, s] = [ys, mos, ds, hs, mis, ss].map(Number);
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
	const date = new Date(0);
	// setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
	date.setUTCFullYear(y, mo - 1, d);
	if (date.getUTCDate() !== d) return null;
	const ms = Number((frac + '000').slice(0, 3));
	let offsetMin = 0;
	if (zone !== '' && zone.toUpperCase() !== 'Z') {
		const digits = zone.slice(1).replace(':', '');
		const oh = Number(digits.slice(0, 2));
		const om = Number(digits.slice(2, 4));
		if (oh > 23 || om > 59) return null;
		offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
	}
	return date.getTime() + ((h * 60 + mi - offsetMin) * 60 + s) * 1000 + ms;
}
