import { describe, expect, it } from 'vitest';
import { rollingMean } from './rolling-mean';
import { syntheticCloses } from './synthetic-closes';

/** The definition, recomputed per window. */
function naiveMean(x: Float64Array, w: number): Float64Array {
	return x.map((_, i) => {
		if (i < w - 1) return NaN;
		let s = 0;
		for (let k = i - w + 1; k <= i; k++) s += x[k];
		return s / w;
	});
}

describe('rollingMean', () => {
	it('rollingMean(x, 2) averages each value with the one before it', () => {
		expect(Array.from(rollingMean(Float64Array.of(1, 2, 3, 4), 2))).toEqual([NaN, 1.5, 2.5, 3.5]);
	});

	it('rollingMean(x, w) is NaN for exactly the first w - 1 rows', () => {
		const m = rollingMean(syntheticCloses(50, 1), 20);
		expect(m.findIndex((v) => !Number.isNaN(v))).toBe(19);
		expect(m.slice(19).every(Number.isFinite)).toBe(true);
	});

	it('rollingMean matches the per-window definition on a random walk', () => {
		const x = syntheticCloses(5000, 2);
		const fast = rollingMean(x, 20);
		const ref = naiveMean(x, 20);
		for (let i = 19; i < x.length; i++) expect(fast[i]).toBeCloseTo(ref[i], 10);
	});

	it('rollingMean keeps full precision over a million steps while prices fall from 1e6 to 1', () => {
		// A plain add/subtract running sum keeps the rounding errors made while prices were large:
		// measured 4.4e-9 relative error at the end of this series. The compensated sum measured 0.
		const n = 1_000_000;
		const x = new Float64Array(n);
		for (let i = 0; i < n; i++)
			x[i] = 1e6 * Math.exp((-i * Math.log(1e6)) / n) * (1 + 0.01 * Math.sin(i * 12.9898));
		const last = rollingMean(x, 10)[n - 1];
		let s = 0;
		for (let k = n - 10; k < n; k++) s += x[k];
		expect(Math.abs(last - s / 10) / (s / 10)).toBeLessThan(1e-14);
	});

	it('rollingMean restarts its warm-up after a missing value', () => {
		const m = rollingMean(Float64Array.of(1, 2, NaN, 4, 5, 6), 2);
		expect(Array.from(m)).toEqual([NaN, 1.5, NaN, NaN, 4.5, 5.5]);
	});

	it('rollingMean(x, 1) is x, and a window longer than x gives all NaN', () => {
		const x = Float64Array.of(3, 1, 4);
		expect(Array.from(rollingMean(x, 1))).toEqual([3, 1, 4]);
		expect(Array.from(rollingMean(x, 4))).toEqual([NaN, NaN, NaN]);
	});

	it('rollingMean rejects a window that is not a positive integer', () => {
		expect(() => rollingMean(new Float64Array(3), 0)).toThrow(RangeError);
		expect(() => rollingMean(new Float64Array(3), 2.5)).toThrow(RangeError);
	});
});
