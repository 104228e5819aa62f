import { describe, expect, it } from 'vitest';
import { dispatchSize } from './dispatch-size';

describe('dispatchSize', () => {
	it.each([
		{ threads: 1, expected: [1, 1] },
		{ threads: 64, expected: [1, 1] },
		{ threads: 65, expected: [2, 1] },
		{ threads: 65_535 * 64, expected: [65_535, 1] },
		{ threads: 5_000_000, expected: [65_535, 2] }
	])('dispatchSize($threads, 64, 65535) is $expected', ({ threads, expected }) => {
		expect(dispatchSize(threads, 64, 65_535)).toEqual(expected);
	});

	it('dispatchSize always launches at least the requested threads', () => {
		for (const threads of [1, 999, 123_457, 9_999_999]) {
			const [x, y] = dispatchSize(threads, 32, 1000);
			expect(x * y * 32).toBeGreaterThanOrEqual(threads);
			expect(Math.max(x, y)).toBeLessThanOrEqual(1000);
		}
	});

	it('dispatchSize refuses a launch beyond two dimensions of the limit', () => {
		expect(() => dispatchSize(64 * 10 * 10 + 1, 64, 10)).toThrow(RangeError);
	});
});
