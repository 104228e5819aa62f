/**
 * Expectancy: the mean P&L per trade, Σ pnl / N, in the account's currency — equal to
 * W · avgWin − (1 − W) · avgLoss (Tharp, *Trade Your Way to Financial Freedom*, 2nd ed., 2007, ch. 7).
 *
 * @returns null without trades.
 * @example
 * expectancy(Float64Array.of(2, -1, 3, -1)); // 0.75
 */
export function expectancy(pnl: Float64Array): number | null {
	if (pnl.length === 0) return null;
	let sum = 0;
	for (const p of pnl) sum += p;
	return sum / pnl.length;
}
