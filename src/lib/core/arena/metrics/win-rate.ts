/**
 * Win rate: the share of trades with positive P&L, #{pnl > 0} / N. Break-even trades count as not
 * won (e.g. Pardo, *The Evaluation and Optimization of Trading Strategies*, 2nd ed., 2008, ch. 9).
 *
 * @returns null without trades.
 * @example
 * winRate(Float64Array.of(2, -1, 0, 3)); // 0.5
 */
export function winRate(pnl: Float64Array): number | null {
	if (pnl.length === 0) return null;
	let wins = 0;
	for (const p of pnl) if (p > 0) wins++;
	return wins / pnl.length;
}
