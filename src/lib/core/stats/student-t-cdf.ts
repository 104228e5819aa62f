import { normalCdf } from './normal-cdf';
import { regularizedIncompleteBeta } from './regularized-incomplete-beta';

/**
 * The Student-t distribution function with ν degrees of freedom, F(t; ν) = P(T ≤ t).
 *
 * With x = ν/(ν + t²): the tail P(T > |t|) = ½·I_x(ν/2, ½) (Abramowitz & Stegun 26.7.1 and 26.5.27;
 * Numerical Recipes 3rd ed. §6.14), so F = ½·I_x for t < 0 and 1 − ½·I_x for t ≥ 0. The tail is
 * computed directly (never as 1 − F), and 1 − x is passed as t²/(ν + t²) rather than subtracted.
 * ν need not be an integer; ν = ∞ gives Φ(t). Agrees with R's `pt` to ≤ 1e−12 relative for
 * ν ≤ 1000 and ≤ 1e−9 for ν = 1e5 (where ln B(ν/2, ½) loses digits to cancellation).
 *
 * NaN for NaN arguments or ν ≤ 0.
 *
 * @example
 * studentTCdf(-2.1, 5); // ≈ 0.04487662494229934 (R: pt(-2.1, 5))
 */
export function studentTCdf(t: number, df: number): number {
	if (Number.isNaN(t) || !(df > 0)) return NaN;
	if (df === Infinity) return normalCdf(t);
	const t2 = t * t;
	const tail =
		t2 === Infinity
			? 0
			: 0.5 * regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
	return t < 0 ? tail : 1 - tail;
}
