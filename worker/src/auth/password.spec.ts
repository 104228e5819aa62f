import { describe, expect, it } from 'vitest';
import { PBKDF2_ITERATIONS, hashPassword, timingSafeEqual, verifyPassword } from './password';

describe('hashPassword / verifyPassword', () => {
	it('verifyPassword(p, hashPassword(p)) is true and false for any other password', async () => {
		const record = await hashPassword('s3cret passphrase');
		expect(record.iterations).toBe(PBKDF2_ITERATIONS);
		expect(record.salt).toMatch(/^[0-9a-f]{32}$/);
		expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
		expect(await verifyPassword('s3cret passphrase', record)).toBe(true);
		expect(await verifyPassword('s3cret passphrasE', record)).toBe(false);
	});

	it('uses a fresh salt per call, so equal passwords hash differently', async () => {
		const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
		expect(a.salt).not.toBe(b.salt);
		expect(a.hash).not.toBe(b.hash);
	});

	it('matches the PBKDF2-HMAC-SHA256 test vector (RFC 7914 §11, 80,000 iterations)', async () => {
		const salt = new TextEncoder().encode('NaCl');
		const record = await hashPassword('Password', salt, 80_000);
		// RFC 7914 gives 64 bytes; the first 32 are the 256-bit output used here.
		expect(record.hash).toBe('4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56');
	});

	it('treats a corrupted record as a mismatch, not an error', async () => {
		const record = await hashPassword('pw');
		expect(await verifyPassword('pw', { ...record, salt: 'zz' })).toBe(false);
		expect(await verifyPassword('pw', { ...record, iterations: PBKDF2_ITERATIONS + 1 })).toBe(
			false
		);
	});
});

describe('timingSafeEqual', () => {
	it('compares bytes, and different lengths are unequal', () => {
		expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
		expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
		expect(timingSafeEqual(new Uint8Array([1]), new Uint8Array([1, 0]))).toBe(false);
	});
});
