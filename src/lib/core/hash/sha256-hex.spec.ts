import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256-hex';

// FIPS 180-4 examples (NIST CSRC "SHA-256" example values) and the empty-message digest.
describe('sha256Hex', () => {
	it('hashes "abc" to the FIPS 180-4 example digest', async () => {
		expect(await sha256Hex('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});
	it('hashes the empty string to the well-known empty digest', async () => {
		expect(await sha256Hex('')).toBe(
			'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
	});
	it('gives the same digest for a string and its UTF-8 bytes', async () => {
		const text = 'ÄXON ✓';
		const bytes = new TextEncoder().encode(text);
		expect(await sha256Hex(bytes)).toBe(await sha256Hex(text));
		expect(await sha256Hex(bytes.buffer)).toBe(await sha256Hex(text));
	});
	it('hashes only the bytes a view covers', async () => {
		const bytes = new TextEncoder().encode('xabcx');
		expect(await sha256Hex(bytes.subarray(1, 4))).toBe(await sha256Hex('abc'));
	});
});
