import { describe, expect, it } from 'vitest';
import { walkForwardWindows } from './walk-forward';

describe('walkForwardWindows', () => {
	it('tiles the bars after the first training part with contiguous test parts', () => {
		const w = walkForwardWindows(1003, { windows: 4, trainBars: 200, mode: 'rolling' });
		expect(w.map((x) => [x.testStart, x.testEnd])).toEqual([
			[200, 401],
			[401, 602],
			[602, 803],
			[803, 1003]
		]);
	});

	it('anchored windows train from bar 0 on everything before their test part', () => {
		const w = walkForwardWindows(1000, { windows: 3, trainBars: 100, mode: 'anchored' });
		for (const x of w) {
			expect(x.trainStart).toBe(0);
			expect(x.trainEnd).toBe(x.testStart);
		}
	});

	it('rolling windows keep a fixed training length that ends where the test begins', () => {
		const w = walkForwardWindows(1000, { windows: 3, trainBars: 100, mode: 'rolling' });
		for (const x of w) {
			expect(x.trainEnd - x.trainStart).toBe(100);
			expect(x.trainEnd).toBe(x.testStart);
		}
	});

	it('never lets a training part reach into its own test part', () => {
		for (const mode of ['anchored', 'rolling'] as const)
			for (const x of walkForwardWindows(500, { windows: 7, trainBars: 60, mode }))
				expect(x.trainEnd).toBeLessThanOrEqual(x.testStart);
	});

	it('refuses more windows than there are test bars, saying what to change', () => {
		expect(() => walkForwardWindows(10, { windows: 9, trainBars: 5, mode: 'rolling' })).toThrow(
			/fewer windows/
		);
		expect(() => walkForwardWindows(100, { windows: 0, trainBars: 5, mode: 'rolling' })).toThrow(
			RangeError
		);
	});
});
