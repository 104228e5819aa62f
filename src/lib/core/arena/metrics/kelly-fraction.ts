/**
 * Kelly fraction, win-rate/payoff form: f* = W − (1 − W) / R, with W the win rate and R = mean win /
 * |mean loss| the payoff ratio — the growth-optimal bet fraction for a repeated bet that wins R per
 * unit staked with probability W and loses the stake otherwise (Kelly, "A New Interpretation of
 * Information Rate", *Bell System Technical Journal* 35(4), 1956; Thorp, "The Kelly Criterion in
 * Blackjack, Sports Betting, and the Stock Market", 2006). An estimate: it treats the trade P&L
 * distribution as two-point. Negative means the edge is negative. Break-even trades are losses of 0
 * in W but not in the mean loss.
 *
 * @returns null without a winning or without a losing trade.
 * @example
 * kellyFraction(Float64Array.of(2, -1, 2, -1)); // 0.5 − 0.5 / 2 = 0.25
 */
export function kellyFraction(pnl: Float64Array): number | null {
	let wins = 0;
	let losses = 0;
	let won = 0;
	let lost = 0;
	for (const p of pnl) {
		if (p > 0) {
			wins++;
			won += p;
		} else if (p < 0) {
			losses++;
			lost -= p;
		}
	}
	if (wins === 0 || losses === 0) return null;
	const w = wins / pnl.length;
	const payoff = won / wins / (lost / losses);
	return w - (1 - w) / payoff;
}
