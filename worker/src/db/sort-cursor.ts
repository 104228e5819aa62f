/**
 * Keyset cursors for sortable lists: an opaque base64url of the sort, its direction, the last row's
 * sort value and id. A cursor made for one sort is refused for another (the keyset would be wrong).
 *
 * @example
 * const c = encodeSortCursor({ sort: 'name', order: 'asc', value: 'gru-7', id: 'abc' });
 * decodeSortCursor(c, 'name', 'asc'); // { sort: 'name', order: 'asc', value: 'gru-7', id: 'abc' }
 */
import { fromBase64Url, toBase64Url } from '../encoding';

export interface SortCursor {
	sort: string;
	order: 'asc' | 'desc';
	value: string | number | null;
	id: string;
}

export function encodeSortCursor(c: SortCursor): string {
	return toBase64Url(JSON.stringify([c.sort, c.order, c.value, c.id]));
}

/** Null for anything this module did not make, or a cursor made for a different sort or order. */
export function decodeSortCursor(
	cursor: string,
	sort: string,
	order: 'asc' | 'desc'
): SortCursor | null {
	const text = fromBase64Url(cursor);
	if (text === null) return null;
	try {
		const v: unknown = JSON.parse(text);
		if (
			Array.isArray(v) &&
			v.length === 4 &&
			v[0] === sort &&
			v[1] === order &&
			(v[2] === null ||
				(typeof v[2] === 'string' && v[2].length <= 400) ||
				(typeof v[2] === 'number' && Number.isFinite(v[2]))) &&
			typeof v[3] === 'string' &&
			v[3].length > 0 &&
			v[3].length <= 64
		) {
			return { sort, order, value: v[2] as string | number | null, id: v[3] };
		}
	} catch {
		// fall through
	}
	return null;
}
