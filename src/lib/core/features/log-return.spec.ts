import { describe, expect, it } from 'vitest';
import { logReturn } from './log-return';

describe('logReturn', () => {
	it('logReturn(x) is ln(x[i] / x[i-1]) with a NaN first row', () => {
		const r = logReturn(Float64Array.of(100, 110, 99, 99));
		expect(r[0]).toBeNaN();
		expect(r[1]).toBeCloseTo(Math.log(1.1), 15);
		expect(r[2]).toBeCloseTo(Math.log(0.9), 15);
		expect(r[3]).toBe(0);
	});

	it('logReturn gives NaN around a zero, negative or missing price instead of ±Infinity', () => {
		const r = logReturn(Float64Array.of(1, 0, 2, -1, 3, NaN, 4, 5));
		expect(Array.from(r.slice(0, 7)).every(Number.isNaN)).toBe(true);
		expect(r[7]).toBeCloseTo(Math.log(5 / 4), 15);
	});

	it('logReturn of an empty or one-bar series is empty or a single NaN', () => {
		expect(logReturn(new Float64Array(0))).toHaveLength(0);
		expect(Array.from(logReturn(Float64Array.of(5)))).toEqual([NaN]);
	});
});
