import { describe, expect, it } from 'vitest';
import { nextLogReturn } from './next-log-return';

describe('nextLogReturn', () => {
	it('gives y[t] = ln(close[t+1] / close[t]) and NaN on the last row', () => {
		const close = Float64Array.of(100, 110, 99, 99);
		const y = nextLogReturn(close);
		expect(y[0]).toBe(Math.fround(Math.log(1.1)));
		expect(y[1]).toBe(Math.fround(Math.log(0.9)));
		expect(y[2]).toBe(0);
		expect(y[3]).toBeNaN();
	});
	it('returns an empty array for an empty series', () => {
		expect(nextLogReturn(new Float64Array(0)).length).toBe(0);
	});
});
