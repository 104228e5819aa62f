import { describe, expect, it } from 'vitest';
import { regularizedIncompleteBeta } from './regularized-incomplete-beta';

/** [x, a, b, I_x(a, b)] from scipy.special.betainc (SciPy 1.17.1). */
const SCIPY: [number, number, number, number][] = [
	[0.2, 2, 3, 0.18080000000000004],
	[0.5, 0.5, 0.5, 0.5000000000000001],
	[0.9, 10, 0.5, 0.15164090963470994],
	[0.01, 50, 0.5, 7.998227417904836e-102],
	[0.3, 200, 150, 3.793368699251817e-26]
];

describe('regularizedIncompleteBeta', () => {
	it.each(SCIPY)(
		'I_%s(%s, %s) matches scipy.special.betainc to 1e-12 relative',
		(x, a, b, expected) => {
			expect(Math.abs(regularizedIncompleteBeta(x, a, b) - expected) / expected).toBeLessThan(
				1e-12
			);
		}
	);
	it('is the polynomial 1 − (1 − x)^b when a = 1', () => {
		expect(regularizedIncompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 15);
	});
	it('satisfies I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
		expect(
			regularizedIncompleteBeta(0.37, 3.5, 1.25) + regularizedIncompleteBeta(0.63, 1.25, 3.5)
		).toBeCloseTo(1, 14);
	});
	it('is 0 at x = 0, 1 at x = 1, NaN out of domain', () => {
		expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
		expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
		expect(regularizedIncompleteBeta(1.2, 2, 3)).toBeNaN();
		expect(regularizedIncompleteBeta(0.5, 0, 3)).toBeNaN();
		expect(regularizedIncompleteBeta(NaN, 2, 3)).toBeNaN();
	});
});
