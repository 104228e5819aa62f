/**
 * Annualised Sortino ratio with target 0: mean(r) / DD × √periodsPerYear, where the downside
 * deviation DD = √(Σ_t min(r_t, 0)² / n) is taken over **all** n periods (periods above the target
 * count as zero shortfall, not dropped), as in Sortino & Price, "Performance Measurement in a
 * Downside Risk Framework", *Journal of Investing* 3(3), 1994, and Sortino & van der Meer, "Downside
 * Risk", *Journal of Portfolio Management* 17(4), 1991.
 *
 * @returns null for fewer than two returns or no return below 0 (DD = 0).
 * @example
 * sortinoRatio(Float64Array.of(0.02, -0.01, 0.03, -0.02), 252); // 0.005 / √(0.0005 / 4) × √252
 */
export function sortinoRatio(returns: Float64Array, periodsPerYear: number): number | null {
	const n = returns.length;
	if (n < 2) return null;
	let sum = 0;
	let downside = 0;
	for (const r of returns) {
		sum += r;
		if (r < 0) downside += r * r;
	}
	if (downside === 0) return null;
	return (sum / n / Math.sqrt(downside / n)) * Math.sqrt(periodsPerYear);
}
