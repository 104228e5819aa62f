/**
 * The annualised Sharpe ratio of per-period returns: mean(r − r_f) / sd(r − r_f) × √periodsPerYear,
 * with the sample standard deviation (divisor n − 1) of the excess returns.
 *
 * Definition: Sharpe, "Mutual Fund Performance", *Journal of Business* 39(1), 1966 (the
 * "reward-to-variability ratio"), restated for excess returns in Sharpe, "The Sharpe Ratio",
 * *Journal of Portfolio Management* 21(1), 1994. The √q annualisation assumes returns independent
 * and identically distributed; with serial correlation it is biased (Lo, "The Statistics of Sharpe
 * Ratios", *Financial Analysts Journal* 58(4), 2002).
 *
 * @param riskFree annual risk-free rate, charged per period as riskFree / periodsPerYear. Default 0.
 * @returns null when the ratio is undefined: fewer than two returns, or all excess returns equal
 *   (zero dispersion). NaN when a return is NaN.
 * @example
 * sharpeRatio(Float64Array.of(0.01, -0.005, 0.02, 0.0), 252); // ≈ 8.949
 */
export function sharpeRatio(
	returns: Float64Array,
	periodsPerYear: number,
	riskFree = 0
): number | null {
	const n = returns.length;
	if (n < 2) return null;
	const rf = riskFree / periodsPerYear;
	let sum = 0;
	let min = Infinity;
	let max = -Infinity;
	for (const r of returns) {
		sum += r;
		if (r < min) min = r;
		if (r > max) max = r;
	}
	// Equal returns have zero dispersion; checking it exactly avoids dividing by a rounding residue.
	if (min === max) return null;
	const mean = sum / n - rf;
	let squares = 0;
	for (const r of returns) squares += (r - rf - mean) ** 2;
	return (mean / Math.sqrt(squares / (n - 1))) * Math.sqrt(periodsPerYear);
}
