import { describe, expect, it } from 'vitest';
import { rollingStd } from './rolling-std';
import { syntheticCloses } from './synthetic-closes';

/** The definition: two passes per window, divide by n − 1. */
function twoPassStd(x: Float64Array, w: number): Float64Array {
	return x.map((_, i) => {
		if (i < w - 1) return NaN;
		let s = 0;
		for (let k = i - w + 1; k <= i; k++) s += x[k];
		const mean = s / w;
		let ss = 0;
		for (let k = i - w + 1; k <= i; k++) ss += (x[k] - mean) ** 2;
		return Math.sqrt(ss / (w - 1));
	});
}

describe('rollingStd', () => {
	it('rollingStd(x, w) is the sample standard deviation (divides by w - 1)', () => {
		const s = rollingStd(Float64Array.of(1, 2, 3, 5), 3);
		expect(s[2]).toBe(1);
		expect(s[3]).toBeCloseTo(Math.sqrt(7 / 3), 14);
		// Population std of 1..4 would be 1.118…; the sample std is sqrt(5/3) = 1.290…
		expect(rollingStd(Float64Array.of(1, 2, 3, 4), 4)[3]).toBeCloseTo(Math.sqrt(5 / 3), 14);
	});

	it('rollingStd(x, w) is NaN for exactly the first w - 1 rows', () => {
		const s = rollingStd(syntheticCloses(40, 3), 20);
		expect(s.findIndex((v) => !Number.isNaN(v))).toBe(19);
		expect(s.slice(19).every(Number.isFinite)).toBe(true);
	});

	it('rollingStd matches the two-pass definition on a random walk', () => {
		const x = syntheticCloses(5000, 4);
		const fast = rollingStd(x, 20);
		const ref = twoPassStd(x, 20);
		for (let i = 19; i < x.length; i++)
			expect(Math.abs(fast[i] - ref[i])).toBeLessThan(1e-12 * x[i]);
	});

	it('rollingStd stays accurate when the mean dwarfs the spread', () => {
		// 1e8 + small noise: Σx² − (Σx)²/n loses every digit here; shifting by 1e8 is exact, so the
		// two-pass std of the shifted data is the reference.
		const noise = syntheticCloses(3000, 5).map((v) => v - 100);
		const x = noise.map((v) => 1e8 + v);
		const s = rollingStd(x, 30);
		const ref = twoPassStd(noise, 30);
		for (let i = 29; i < x.length; i++) expect(s[i]).toBeCloseTo(ref[i], 6);
	});

	it('rollingStd of a constant window is exactly 0', () => {
		expect(Array.from(rollingStd(Float64Array.of(7, 7, 7, 7), 3))).toEqual([NaN, NaN, 0, 0]);
	});

	it('rollingStd restarts its warm-up after a missing value', () => {
		const s = rollingStd(Float64Array.of(1, 3, NaN, 2, 4, 6), 2);
		expect(s[1]).toBeCloseTo(Math.SQRT2, 15);
		expect(Array.from(s.slice(2, 4))).toEqual([NaN, NaN]);
		expect(s[4]).toBeCloseTo(Math.SQRT2, 15);
		expect(s[5]).toBeCloseTo(Math.SQRT2, 15);
	});

	it('rollingStd rejects a window below 2, where the sample std is undefined', () => {
		expect(() => rollingStd(new Float64Array(3), 1)).toThrow(RangeError);
	});
});
