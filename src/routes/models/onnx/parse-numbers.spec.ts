import { describe, expect, it } from 'vitest';
import { parseNumbers } from './parse-numbers';

describe('parseNumbers', () => {
	it('reads comma, space and newline separated numbers, with or without JSON brackets', () => {
		expect(parseNumbers('[1, 2.5,\n-3e-2]')).toEqual({ ok: true, value: [1, 2.5, -0.03] });
		expect(parseNumbers('4 5')).toEqual({ ok: true, value: [4, 5] });
	});

	it('names the first token that is not a number', () => {
		const r = parseNumbers('1, x, 3');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toBe('"x" is not a number.');
	});
});
