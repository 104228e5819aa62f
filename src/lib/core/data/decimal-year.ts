import { parseDecimal } from './parse-decimal';

/** Years a decimal-year time column may hold; epoch seconds this small (1970, first hour) are implausible. */
const MIN_YEAR = 1000;
const MAX_YEAR = 3000;

const yearStart = (year: number): number => {
	const d = new Date(0);
	// setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
	d.setUTCFullYear(year, 0, 1);
	return d.getTime();
};

/**
 * Converts a decimal year (R's `time()` of a `ts`, e.g. `1991.49615`) to milliseconds since the Unix
 * epoch, UTC: the start of the year plus the fraction times that year's length (365 or 366 days), so
 * `2024.5` is 2024-07-02T00:00Z (183 of 366 days). Monotone: later decimal years give later times.
 * Rounded to whole milliseconds.
 *
 * @example
 * decimalYearToMs(2024); // Date.UTC(2024, 0, 1)
 * decimalYearToMs(2023.5); // Date.UTC(2023, 6, 2, 12)
 */
export function decimalYearToMs(decimalYear: number): number {
	const year = Math.floor(decimalYear);
	const start = yearStart(year);
	return Math.round(start + (decimalYear - year) * (yearStart(year + 1) - start));
}

/**
 * Reads a time cell as a decimal year: a plain decimal number from 1000 up to (not including) 3000.
 *
 * @returns milliseconds UTC, or `null` when the cell is not such a number.
 * @example
 * readDecimalYear('1991.5'); // decimalYearToMs(1991.5)
 * readDecimalYear('1706659200'); // null (epoch seconds)
 */
export function readDecimalYear(cell: string): number | null {
	const x = parseDecimal(cell);
	return x !== null && x >= MIN_YEAR && x < MAX_YEAR ? decimalYearToMs(x) : null;
}
