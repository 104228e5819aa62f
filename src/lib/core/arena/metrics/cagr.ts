/**
 * Compound annual growth rate: (end / start)^(periodsPerYear / periods) − 1, the constant annual
 * return that turns `start` into `end` over `periods` bars (geometric mean return, annualised; e.g.
 * Bacon, *Practical Portfolio Performance Measurement and Attribution*, 2nd ed., 2008, §2.3).
 *
 * @returns null for no periods or a non-positive start; −1 when the end value is ≤ 0 (ruin).
 * @example
 * cagr(1, 1.21, 504, 252); // 0.1 (two years at +10%)
 */
export function cagr(
	start: number,
	end: number,
	periods: number,
	periodsPerYear: number
): number | null {
	if (!(periods > 0) || !(start > 0)) return null;
	if (end <= 0) return -1;
	return Math.pow(end / start, periodsPerYear / periods) - 1;
}
