/**
 * Keyset pagination cursors: an opaque base64url of `created_at` and `id` of the last item shown.
 * Keyset (not OFFSET) so pages stay stable while rows are added and cost the same at any depth.
 *
 * @example
 * const c = encodeCursor({ created_at: '2026-04-20T10:00:00.000Z', id: 'abc' });
 * decodeCursor(c); // { created_at: '2026-04-20T10:00:00.000Z', id: 'abc' }
 */
import { fromBase64Url, toBase64Url } from '../encoding';

export interface CursorKey {
	created_at: string;
	id: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(key: CursorKey): string {
	return toBase64Url(JSON.stringify([key.created_at, key.id]));
}

/** Null for anything that is not a cursor this module made. */
export function decodeCursor(cursor: string): CursorKey | null {
	const text = fromBase64Url(cursor);
	if (text === null) return null;
	try {
		const value: unknown = JSON.parse(text);
		if (
			Array.isArray(value) &&
			value.length === 2 &&
			typeof value[0] === 'string' &&
			ISO.test(value[0]) &&
			typeof value[1] === 'string' &&
			value[1].length > 0 &&
			value[1].length <= 64
		) {
			return { created_at: value[0], id: value[1] };
		}
	} catch {
		// fall through
	}
	return null;
}
