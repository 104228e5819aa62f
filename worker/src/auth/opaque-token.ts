/**
 * High-entropy opaque secrets (refresh tokens, API key secrets) and their stored digests.
 *
 * Why SHA-256 and not PBKDF2 here: PBKDF2's cost exists to slow guessing of low-entropy human
 * passwords. These secrets are 256 random bits, so a single SHA-256 already makes guessing from a
 * leaked digest infeasible, and it keeps the check cheap on every API request.
 *
 * @example
 * const secret = randomSecret();          // 43 base64url characters
 * const digest = await sha256Hex(secret);  // what D1 stores
 */
import { toHex } from '../encoding';

export const SECRET_BYTES = 32;

export function randomSecret(bytes = SECRET_BYTES): string {
	const raw = crypto.getRandomValues(new Uint8Array(bytes));
	let bin = '';
	for (const b of raw) bin += String.fromCharCode(b);
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return toHex(new Uint8Array(digest));
}
