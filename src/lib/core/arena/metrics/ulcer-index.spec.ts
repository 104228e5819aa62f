import { describe, expect, it } from 'vitest';
import { ulcerIndex } from './ulcer-index';

describe('ulcerIndex', () => {
	it('is the root mean square of fractional drawdowns from the running peak', () => {
		// Drawdowns 0, 0.1, 0, 0.5.
		expect(ulcerIndex(Float64Array.of(1, 0.9, 1.2, 0.6))).toBeCloseTo(Math.sqrt(0.26 / 4), 15);
	});
	it('is 0 for a rising curve and null for an empty one', () => {
		expect(ulcerIndex(Float64Array.of(1, 2, 3))).toBe(0);
		expect(ulcerIndex(new Float64Array(0))).toBeNull();
	});
});
