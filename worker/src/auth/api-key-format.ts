/**
 * API key wire format: `axk_<id>_<secret>`: 32 hex characters of id (the row's primary key, so a key
 * is found with one indexed read) and a 43-character base64url secret (256 random bits). The prefix
 * `axk_` makes keys easy to spot in logs and by secret scanners.
 *
 * @example
 * const { key, id } = newApiKey();   // 'axk_3f2a…_Zm9v…'
 * parseApiKey(key);                  // { id, secret }
 */
import { randomSecret } from './opaque-token';

const KEY_PATTERN = /^axk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function newApiKey(): { id: string; secret: string; key: string; prefix: string } {
	const id = crypto.randomUUID().replace(/-/g, '');
	const secret = randomSecret();
	return { id, secret, key: `axk_${id}_${secret}`, prefix: `axk_${id}` };
}

/** The id and secret of a well-formed key; null for anything else (never throws on user input). */
export function parseApiKey(key: string): { id: string; secret: string } | null {
	const match = KEY_PATTERN.exec(key);
	return match ? { id: match[1]!, secret: match[2]! } : null;
}

export function looksLikeApiKey(value: string): boolean {
	return value.startsWith('axk_');
}
