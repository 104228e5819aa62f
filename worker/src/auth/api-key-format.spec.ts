import { describe, expect, it } from 'vitest';
import { newApiKey, parseApiKey } from './api-key-format';

describe('newApiKey / parseApiKey', () => {
	it('parseApiKey(newApiKey().key) gives back its id and secret', () => {
		const made = newApiKey();
		expect(made.key).toBe(`${made.prefix}_${made.secret}`);
		expect(parseApiKey(made.key)).toEqual({ id: made.id, secret: made.secret });
	});

	it('rejects anything else, including SQL and truncated keys', () => {
		const { key } = newApiKey();
		for (const bad of [
			'',
			'axk_',
			key.slice(0, -1),
			`${key}x`,
			"axk_' OR 1=1 --",
			key.toUpperCase()
		]) {
			expect(parseApiKey(bad)).toBeNull();
		}
	});
});
