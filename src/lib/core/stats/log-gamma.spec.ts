import { describe, expect, it } from 'vitest';
import { logGamma } from './log-gamma';

/** [x, ln Γ(x)] from scipy.special.gammaln (SciPy 1.17.1). */
const SCIPY: [number, number][] = [
	[0.5, 0.5723649429247],
	[1.5, -0.12078223763524526],
	[3.7, 1.428072326665388],
	[10, 12.801827480081469],
	[100, 359.1342053695754],
	[1e5, 1051287.7089736569]
];

describe('logGamma', () => {
	it.each(SCIPY)('logGamma(%s) matches scipy.special.gammaln to 1e-13 relative', (x, expected) => {
		expect(Math.abs(logGamma(x) - expected) / Math.abs(expected)).toBeLessThan(1e-13);
	});
	it('gives ln((n − 1)!) at integers and 0 at 1 and 2', () => {
		expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
		expect(Math.abs(logGamma(2))).toBeLessThan(1e-14);
		expect(logGamma(7)).toBeCloseTo(Math.log(720), 13);
	});
	it('uses reflection below ½: Γ(0.1) = 9.513507698668732', () => {
		expect(logGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 13);
	});
	it('is NaN for x ≤ 0 and NaN', () => {
		for (const x of [0, -1.5, NaN]) expect(logGamma(x)).toBeNaN();
	});
});
