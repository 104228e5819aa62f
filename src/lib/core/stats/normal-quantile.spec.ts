import { describe, expect, it } from 'vitest';
import { normalCdf } from './normal-cdf';
import { acklam, normalQuantile } from './normal-quantile';

/** [p, Φ⁻¹(p)] from mpmath 1.x (√2·erfinv(2p − 1) at 40–400 digits), rounded to 17. */
const MPMATH: [number, number][] = [
	[1e-300, -37.0470962993612],
	[1e-20, -9.262340089798407],
	[1e-10, -6.361340902404057],
	[1e-5, -4.264890793922825],
	[0.001, -3.0902323061678136],
	[0.02425, -1.9729610513118847],
	[0.05, -1.6448536269514726],
	[0.3, -0.5244005127080408],
	[0.7, 0.5244005127080407],
	[0.975, 1.9599639845400538],
	[0.99, 2.3263478740408408],
	[0.999999, 4.753424308817088],
	[0.999999999999, 7.0344869100478356]
];

describe('normalQuantile', () => {
	it.each(MPMATH)('normalQuantile(%s) matches mpmath to 1e-13 relative', (p, expected) => {
		expect(Math.abs(normalQuantile(p) - expected) / Math.abs(expected)).toBeLessThan(1e-13);
	});
	it('uses Acklam’s approximation (≤ 1.15e−9 relative) before the Halley step', () => {
		for (const [p, expected] of MPMATH.filter(([p]) => p <= 0.5 && p >= 1e-20)) {
			expect(Math.abs(acklam(p) - expected) / Math.abs(expected)).toBeLessThan(1.2e-9);
		}
	});
	it('inverts normalCdf', () => {
		for (const x of [-6, -2.5, -1, -0.01, 0.4, 1.3, 3])
			expect(normalQuantile(normalCdf(x))).toBeCloseTo(x, 11);
	});
	it('is exactly 0 at ½, ∓∞ at 0 and 1, NaN outside [0, 1]', () => {
		expect(normalQuantile(0.5)).toBe(0);
		expect(normalQuantile(0)).toBe(-Infinity);
		expect(normalQuantile(1)).toBe(Infinity);
		for (const p of [-0.1, 1.1, NaN]) expect(normalQuantile(p)).toBeNaN();
	});
});
