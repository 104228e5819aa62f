/**
 * Password hashing: PBKDF2-HMAC-SHA256 through WebCrypto, a random 16-byte salt per user, hex-encoded.
 * scripts/edge-setup.mjs derives demo users' hashes with the same parameters in Node; keep them in step.
 *
 * Why PBKDF2 and 100,000 iterations: it is the only password KDF WebCrypto offers in workerd, and
 * workerd rejects iteration counts above 100,000 ("iteration counts above 100000 are not supported").
 * The count is stored per user so it can be raised by a rehash-on-sign-in later.
 *
 * @example
 * const record = await hashPassword('correct horse battery staple');
 * await verifyPassword('correct horse battery staple', record); // true
 */
import { fromHex, toHex } from '../encoding';

export const PBKDF2_ITERATIONS = 100_000;
export const SALT_BYTES = 16;
const HASH_BITS = 256;

export interface PasswordRecord {
	hash: string;
	salt: string;
	iterations: number;
}

export async function hashPassword(
	password: string,
	salt: Uint8Array = crypto.getRandomValues(new Uint8Array(SALT_BYTES)),
	iterations = PBKDF2_ITERATIONS
): Promise<PasswordRecord> {
	const hash = await derive(password, salt, iterations);
	return { hash: toHex(hash), salt: toHex(salt), iterations };
}

/** True when `password` matches `record`; the comparison takes the same time wherever bytes differ. */
export async function verifyPassword(password: string, record: PasswordRecord): Promise<boolean> {
	const salt = fromHex(record.salt);
	const expected = fromHex(record.hash);
	if (!salt || !expected || record.iterations < 1 || record.iterations > PBKDF2_ITERATIONS) {
		return false;
	}
	const actual = await derive(password, salt, record.iterations);
	return timingSafeEqual(actual, expected);
}

/**
 * Does the same work as a real check against a throwaway record. Sign-in calls it for unknown emails so
 * that response time does not reveal which emails have accounts.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
	await derive(password, DUMMY_SALT, PBKDF2_ITERATIONS);
	return false;
}
const DUMMY_SALT = new Uint8Array(SALT_BYTES);

/** Constant-time equality for equal-length inputs; different lengths are unequal (lengths are public). */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.byteLength !== b.byteLength) return false;
	let diff = 0;
	for (let i = 0; i < a.byteLength; i++) diff |= a[i]! ^ b[i]!;
	return diff === 0;
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
	const key = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(password),
		'PBKDF2',
		false,
		['deriveBits']
	);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		key,
		HASH_BITS
	);
	return new Uint8Array(bits);
}
