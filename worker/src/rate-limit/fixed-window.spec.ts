import { describe, expect, it } from 'vitest';
import { countHit, type WindowState } from './fixed-window';

describe('countHit', () => {
	it('allows `limit` hits per window, then says how long to wait, then resets', () => {
		let w: WindowState | null = null;
		const results = [];
		for (let i = 0; i < 3; i++) {
			const r = countHit(w, 10_000 + i, 2, 60_000);
			w = r.window;
			results.push(r);
		}
		expect(results.map((r) => r.allowed)).toEqual([true, true, false]);
		expect(results[2]!.retryAfterSeconds).toBe(50);
		expect(countHit(w, 60_000, 2, 60_000).allowed).toBe(true);
	});
});
