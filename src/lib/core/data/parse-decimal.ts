/** A plain decimal literal: optional sign, digits with an optional fraction, optional exponent. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a CSV cell as a number, strictly. `Number()` is too lenient for data files: it reads `""` and
 * `" "` as 0, and accepts `0x1F`, `Infinity` and `1_000`. This accepts only decimal literals; the result
 * can still be ±Infinity when the literal overflows (`1e999`), so callers check finiteness themselves.
 *
 * @returns the value, or `null` when the cell is not a decimal literal.
 * @example
 * parseDecimal(' 3.18 '); // 3.18
 * parseDecimal('1e3'); // 1000
 * parseDecimal('NaN'); // null
 * parseDecimal(''); // null
 */
export function parseDecimal(cell: string): number | null {
	const s = cell.trim();
	return DECIMAL.test(s) ? Number(s) : null;
}
