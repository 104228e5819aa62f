import { scanDecimal } from './scan-decimal';

/**
 * Reads a CSV cell as a number, strictly. `Number()` is too lenient for data files: it reads `""` and
 * `" "` as 0, and accepts `0x1F`, `Infinity` and `1_000`. This accepts only decimal literals (optional
 * sign, digits with an optional fraction, optional exponent; see `scanDecimal`); the result can still
 * be ±Infinity when the literal overflows (`1e999`), so callers check finiteness themselves.
 *
 * @returns the value, or `null` when the cell is not a decimal literal.
 * @example
 * parseDecimal(' 3.18 '); // 3.18
 * parseDecimal('1e3'); // 1000
 * parseDecimal('NaN'); // null
 * parseDecimal(''); // null
 */
export function parseDecimal(cell: string): number | null {
	const x = scanDecimal(cell.trim());
	return x === x ? x : null;
}
