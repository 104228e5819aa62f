import { describe, expect, it } from 'vitest';
import { normalCdf } from './normal-cdf';

/** [x, Φ(x)] from mpmath 1.x `ncdf` at 40 digits, rounded to 17 (SciPy's ndtr is 5e−14 off at x = −30). */
const MPMATH: [number, number][] = [
	[-30, 4.906713927148187e-198],
	[-20, 2.7536241186062337e-89],
	[-10, 7.619853024160525e-24],
	[-8, 6.220960574271784e-16],
	[-5, 2.866515718791939e-7],
	[-3, 0.0013498980316300946],
	[-1.5, 0.06680720126885807],
	[-0.5, 0.3085375387259869],
	[0, 0.5],
	[0.3, 0.6179114221889527],
	[1, 0.8413447460685429],
	[2.5, 0.9937903346742238],
	[5, 0.9999997133484281],
	[8.3, 1]
];

describe('normalCdf', () => {
	it.each(MPMATH)('normalCdf(%s) matches mpmath to 1e-14 relative', (x, expected) => {
		expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-14);
	});
	it('keeps relative precision deep in the lower tail (no 1 − p cancellation)', () => {
		expect(normalCdf(-30) / 4.906713927148187e-198).toBeCloseTo(1, 13);
	});
	it('is symmetric: Φ(x) + Φ(−x) = 1', () => {
		for (const x of [0.1, 0.7, 1.2, 1.7, 2.2, 3.3])
			expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
	});
	it('underflows gracefully past x ≈ −38 and is NaN for NaN', () => {
		expect(normalCdf(-38)).toBeLessThan(3e-316);
		expect(normalCdf(-40)).toBe(0);
		expect(normalCdf(NaN)).toBeNaN();
		expect(normalCdf(-Infinity)).toBe(0);
		expect(normalCdf(Infinity)).toBe(1);
	});
});
