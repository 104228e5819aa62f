/**
 * Calmar ratio: CAGR / maximum drawdown (Young, "Calmar Ratio: A Smoother Tool", *Futures* 20(1),
 * 1991). Young used the last 36 months; here both come from the whole run.
 *
 * @param maxDrawdown positive fraction of the peak (0.2 = −20%).
 * @returns null when either input is null or the run never drew down.
 * @example
 * calmarRatio(0.12, 0.2); // 0.6
 */
export function calmarRatio(cagr: number | null, maxDrawdown: number | null): number | null {
	if (cagr === null || maxDrawdown === null || !(maxDrawdown > 0)) return null;
	return cagr / maxDrawdown;
}
