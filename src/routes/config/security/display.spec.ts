import { describe, expect, it } from 'vitest';
import { describeUserAgent, keyStatus } from './display';

describe('keyStatus', () => {
	it('says revoked before expired, and active otherwise', () => {
		const past = '2000-01-01T00:00:00.000Z';
		expect(keyStatus({ revoked_at: past, expires_at: past })).toBe('revoked');
		expect(keyStatus({ revoked_at: null, expires_at: past })).toBe('expired');
		expect(keyStatus({ revoked_at: null, expires_at: null })).toBe('active');
	});
});

describe('describeUserAgent', () => {
	it('names common browsers and systems', () => {
		expect(
			describeUserAgent(
				'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36'
			)
		).toBe('Chrome on Linux');
		expect(describeUserAgent(null)).toBe('Unknown device');
		expect(describeUserAgent('curl/8.5.0')).toBe('Program');
	});
});
