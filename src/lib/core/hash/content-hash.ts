import { OHLCV_FIELDS, type OhlcvSeries } from '../ohlcv';
import { sha256Hex } from './sha256-hex';

/** Names the layout below; a change to the layout must change this tag, so old and new keys never collide. */
export const CONTENT_HASH_TAG = 'axon-ohlcv-v1';

/** Canonical bytes of one column: little-endian IEEE 754 binary64, one NaN, no negative zero. */
function canonicalColumn(values: Float64Array): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(values.length * 8);
	const view = new DataView(bytes.buffer);
	for (let i = 0; i < values.length; i++) {
		const x = values[i];
		// NaN payloads and the sign of zero are not data: writing them as-is would give the same series two keys.
		if (Number.isNaN(x)) view.setUint32(i * 8 + 4, 0x7ff80000, true);
		else view.setFloat64(i * 8, x === 0 ? 0 : x, true);
	}
	return bytes;
}

/**
 * The reproducibility key of a dataset: SHA-256 over a canonical byte layout of its numbers, the same
 * on every machine and runtime. Two series get the same key exactly when every value is equal
 * (all NaNs counting as one value, −0 as 0).
 *
 * Layout (so any language can recompute it), with `col(x)` the n values of column x as IEEE 754
 * binary64 little-endian, every NaN written as `0x7ff8000000000000` and −0 as +0:
 *
 *     key = hex(SHA-256( utf8("axon-ohlcv-v1") ‖ u64le(n)
 *                        ‖ SHA-256(col(time)) ‖ SHA-256(col(open)) ‖ SHA-256(col(high))
 *                        ‖ SHA-256(col(low))  ‖ SHA-256(col(close)) ‖ SHA-256(col(volume)) ))
 *
 * Columns are hashed one at a time so a 5-million-bar series needs one column's bytes (40 MB) at a
 * time rather than all six. The symbol is a label, not data, and is left out: the same file imported
 * under two names has one key.
 *
 * @throws RangeError when the columns differ in length (not a valid `OhlcvSeries`).
 * @example
 * const key = await contentHash(series); // '3f0c…' (64 hex digits)
 */
export async function contentHash(series: OhlcvSeries): Promise<string> {
	const n = series.close.length;
	const tag = new TextEncoder().encode(CONTENT_HASH_TAG);
	const message = new Uint8Array(tag.length + 8 + 32 * OHLCV_FIELDS.length);
	message.set(tag, 0);
	new DataView(message.buffer).setBigUint64(tag.length, BigInt(n), true);
	for (const [k, field] of OHLCV_FIELDS.entries()) {
		const column = series[field];
		if (column.length !== n)
			throw new RangeError(`column ${field} has ${column.length} values, close has ${n}`);
		const digest = await crypto.subtle.digest('SHA-256', canonicalColumn(column));
		message.set(new Uint8Array(digest), tag.length + 8 + 32 * k);
	}
	return sha256Hex(message);
}
