/** Decimal digits a double holds exactly: 10^15 < 2^53, so a mantissa of up to 15 digits is exact. */
const EXACT_DIGITS = 15;
/** 10^k for k ≤ 22 is exactly representable (5^22 < 2^53), so m / 10^k is one correctly rounded division. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Reads a plain decimal literal (optional sign, digits with an optional fraction, optional exponent:
 * the grammar `parseDecimal` accepts) in `text[start, end)`, without a regular expression and without
 * trimming: text with surrounding whitespace is not a literal here. NaN means "not a decimal literal"
 * (a literal itself is never NaN; it can overflow to ±Infinity).
 *
 * Short literals (≤ 15 significant digits, no exponent) are computed as m / 10^k, which is exactly
 * `Number(text)` (W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990: the
 * fast path when m and 10^k are exact doubles); others are checked by scanning, then read by `Number`.
 *
 * @example
 * scanDecimal('100.1234'); // 100.1234
 * scanDecimal(' 1'); // NaN (trim first)
 * scanDecimal('1e999'); // Infinity
 * scanDecimal('x,2.5,y', 2, 5); // 2.5
 */
export function scanDecimal(text: string, start = 0, end = text.length): number {
	let i = start;
	let c = i < end ? text.charCodeAt(i) : -1;
	const negative = c === 45;
	if (c === 43 || c === 45) c = ++i < end ? text.charCodeAt(i) : -1;
	let mantissa = 0;
	let digits = 0;
	let fracDigits = 0;
	while (c >= 48 && c <= 57) {
		mantissa = mantissa * 10 + (c - 48);
		digits++;
		c = ++i < end ? text.charCodeAt(i) : -1;
	}
	if (c === 46) {
		c = ++i < end ? text.charCodeAt(i) : -1;
		while (c >= 48 && c <= 57) {
			mantissa = mantissa * 10 + (c - 48);
			digits++;
			fracDigits++;
			c = ++i < end ? text.charCodeAt(i) : -1;
		}
	}
	if (digits === 0) return NaN;
	if (i === end) {
		if (digits > EXACT_DIGITS) return Number(text.slice(start, end));
		const x = fracDigits === 0 ? mantissa : mantissa / POW10[fracDigits];
		return negative ? -x : x;
	}
	if (c !== 101 && c !== 69) return NaN; // e E
	c = ++i < end ? text.charCodeAt(i) : -1;
	if (c === 43 || c === 45) c = ++i < end ? text.charCodeAt(i) : -1;
	let expDigits = 0;
	while (c >= 48 && c <= 57) {
		expDigits++;
		c = ++i < end ? text.charCodeAt(i) : -1;
	}
	return expDigits > 0 && i === end ? Number(text.slice(start, end)) : NaN;
}
