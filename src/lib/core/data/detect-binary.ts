/** How much of the text to inspect: enough to catch any binary format's header and first block. */
const SAMPLE_CHARS = 65_536;
/** Real CSV exports have no control characters; random bytes decode to about 11% of them. */
const MAX_CONTROL_FRACTION = 0.01;

/**
 * Tells whether text that claims to be CSV is really binary (a zip, an xlsx, a parquet file, random
 * bytes): a NUL character, or more than 1% control or U+FFFD replacement characters in the first
 * 64 Ki characters. Tab, CR, LF and form feed are ordinary text.
 *
 * @returns a sentence saying why the text looks binary, or `null` when it looks like text.
 * @example
 * detectBinary('date,close\n2024-01-02,1\n'); // null
 * detectBinary('PK\u0003\u0004\u0000…'); // 'NUL character at position 4'
 */
export function detectBinary(text: string): string | null {
	const n = Math.min(text.length, SAMPLE_CHARS);
	let suspicious = 0;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c === 0) return `NUL character at position ${i}`;
		const control =
			(c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 127 || c === 0xfffd;
		if (control) suspicious++;
	}
	if (n > 0 && suspicious / n > MAX_CONTROL_FRACTION) {
		return `${suspicious} control or undecodable characters in the first ${n}`;
	}
	return null;
}
