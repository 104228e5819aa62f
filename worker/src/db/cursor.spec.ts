import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
	it('decodeCursor(encodeCursor(k)) returns k', () => {
		const key = { created_at: '2026-04-20T10:00:00.000Z', id: '0b7c-uuid' };
		expect(decodeCursor(encodeCursor(key))).toEqual(key);
	});

	it('rejects anything it did not make', () => {
		for (const bad of ['', 'not-a-cursor', btoa('["yesterday","x"]'), btoa('{"a":1}'), '%%%']) {
			expect(decodeCursor(bad)).toBeNull();
		}
	});
});
