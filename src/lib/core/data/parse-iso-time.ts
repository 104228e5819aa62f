/**
 * `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM[:SS[.fff…]]`, optionally followed by
 * `Z` or a `±HH:MM` / `±HHMM` offset (only after a time of day).
 */
const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

const DAY_MS = 86_400_000;
/** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar (Hinnant's days_from_civil). */
const EPOCH_SHIFT_DAYS = 719_468;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Character codes the fast path reads. */
const C0 = 48;
const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const SPACE = 32;

/**
 * Reads an ISO 8601 date or date-time (the RFC 3339 profile plus date-only and space-separated forms)
 * as milliseconds since the Unix epoch. Dates and date-times without an offset are read as **UTC**,
 * unlike `Date.parse`, which reads offset-less date-times in the machine's local zone — the same file
 * must give the same series on every machine. Fractions beyond milliseconds are truncated. Calendar
 * fields are range-checked (`2021-02-30` is rejected, not rolled over to March).
 *
 * Cells in the grammar without surrounding whitespace are read digit by digit (`parseIsoTimeFast`,
 * ~10× faster than the regular expression); anything else, including every invalid cell, goes through
 * `parseIsoTimeGeneral`, which defines the result.
 *
 * @returns milliseconds UTC, or `null` when the text is not such a date.
 * @example
 * parseIsoTime('1985-01-02'); // 473472000000
 * parseIsoTime('2024-03-01T09:30:00+01:00'); // 1709281800000
 * parseIsoTime('2021-02-30'); // null
 */
export function parseIsoTime(text: string): number | null {
	const t = parseIsoTimeFast(text);
	return t === t ? t : parseIsoTimeGeneral(text);
}

/** The reference reader (a regular expression, then range checks): see `parseIsoTime`. */
export function parseIsoTimeGeneral(text: string): number | null {
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

/** The digit at `i`, or -1 when `text[i]` is not an ASCII digit. */
function digit(text: string, i: number): number {
	const d = text.charCodeAt(i) - C0;
	return d >= 0 && d <= 9 ? d : -1;
}

/** Two digits at `i` as a number, or -1. */
function twoDigits(text: string, i: number): number {
	const a = digit(text, i);
	const b = digit(text, i + 1);
	return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** Days since 1970-01-01 of a valid proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms", days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146_097 + doe - EPOCH_SHIFT_DAYS;
}

/**
 * `parseIsoTime` for well-formed, valid cells without surrounding whitespace: the same milliseconds
 * from char codes and arithmetic, no regular expression, no `Date`. NaN means "not decided here"
 * (another shape, whitespace, or an out-of-range field): the caller falls back to the general reader.
 */
export function parseIsoTimeFast(text: string, start = 0, end = text.length): number {
	// Offsets below are relative to `start`; reads past `end` only ever push `i` past `n`, which fails
	// the final `i === n` check.
	const n = end - start;
	if (n < 10 || text.charCodeAt(start + 4) !== DASH || text.charCodeAt(start + 7) !== DASH)
		return NaN;
	const y1 = twoDigits(text, start + 0);
	const y2 = twoDigits(text, start + 2);
	const month = twoDigits(text, start + 5);
	const day = twoDigits(text, start + 8);
	if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1) return NaN;
	const year = y1 * 100 + y2;
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	if (day > (month === 2 && leap ? 29 : MONTH_DAYS[month - 1])) return NaN;
	const dayMs = daysFromCivil(year, month, day) * DAY_MS;
	if (n === 10) return dayMs;
	// Time of day: [T ]HH:MM
	const sep = text.charCodeAt(start + 10) | 0x20; // 'T' and 't' → 't'; ' ' stays ' '
	if ((sep !== 0x74 && sep !== SPACE) || n < 16 || text.charCodeAt(start + 13) !== COLON)
		return NaN;
	const h = twoDigits(text, start + 11);
	const mi = twoDigits(text, start + 14);
	if (h < 0 || h > 23 || mi < 0 || mi > 59) return NaN;
	let i = 16;
	let s = 0;
	let ms = 0;
	if (i < n && text.charCodeAt(start + i) === COLON) {
		s = twoDigits(text, start + i + 1);
		if (s < 0 || s > 59) return NaN;
		i += 3;
		if (i < n && text.charCodeAt(start + i) === DOT) {
			let digits = 0;
			for (i++; i < n; i++, digits++) {
				const d = digit(text, start + i);
				if (d < 0) break;
				if (digits < 3) ms = ms * 10 + d;
			}
			if (digits < 1 || digits > 9) return NaN;
			for (let k = digits; k < 3; k++) ms *= 10;
		}
	}
	let offsetMin = 0;
	if (i < n) {
		const c = text.charCodeAt(start + i);
		if ((c | 0x20) === 0x7a)
			i++; // Z or z
		else if (c === PLUS || c === DASH) {
			const oh = twoDigits(text, start + i + 1);
			const colon = text.charCodeAt(start + i + 3) === COLON ? 1 : 0;
			const om = twoDigits(text, start + i + 3 + colon);
			if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
			offsetMin = (c === DASH ? -1 : 1) * (oh * 60 + om);
			i += 5 + colon;
		} else return NaN;
	}
	if (i !== n) return NaN;
	return dayMs + ((h * 60 + mi - offsetMin) * 60 + s) * 1000 + ms;
}
