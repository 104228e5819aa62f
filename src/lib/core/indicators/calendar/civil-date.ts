const DAY_MS = 86_400_000;

/**
 * Proleptic Gregorian (year, month 1–12, day) of a day count since 1970-01-01, by Hinnant's
 * `civil_from_days` (chrono-Compatible Low-Level Date Algorithms, 2013): integer arithmetic only,
 * exact for ±5.8 million years, independent of `Date` and of any time zone.
 */
export function civilFromDays(days: number): [number, number, number] {
	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const doe = z - era * 146_097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Days in a Gregorian month. */
export function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whole UTC days since the epoch of a millisecond timestamp. */
export const utcDays = (timeMs: number): number => Math.floor(timeMs / DAY_MS);

/** ISO weekday with Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday, 3). */
export const weekday = (days: number): number => (((days + 3) % 7) + 7) % 7;

/**
 * Whether a UTC day is the calendar's last business day (Mon–Fri) of its month, from the date
 * alone: no exchange holidays, and no peek at the next bar.
 */
export function isLastBusinessDay(days: number): boolean {
	const [y, m, d] = civilFromDays(days);
	return isLastBusinessDate(weekday(days), y, m, d);
}

/** `isLastBusinessDay` for a date already split into weekday (Mon = 0) and (year, month, day). */
export function isLastBusinessDate(wd: number, y: number, m: number, d: number): boolean {
	if (wd > 4) return false;
	const left = daysInMonth(y, m) - d; // calendar days after this one in the month
	// The next business day is 1 day on (Mon–Thu) or 3 days on (Fri).
	return left < (wd === 4 ? 3 : 1);
}
