/**
 * Profit factor: gross profit over gross loss, Σ_{pnl > 0} pnl / |Σ_{pnl < 0} pnl| (Pardo, *The
 * Evaluation and Optimization of Trading Strategies*, 2nd ed., 2008, ch. 9).
 *
 * @returns null without a losing trade.
 * @example
 * profitFactor(Float64Array.of(2, -1, 3, -1)); // 2.5
 */
export function profitFactor(pnl: Float64Array): number | null {
	let gains = 0;
	let losses = 0;
	for (const p of pnl) {
		if (p > 0) gains += p;
		else losses -= p;
	}
	return losses > 0 ? gains / losses : null;
}
