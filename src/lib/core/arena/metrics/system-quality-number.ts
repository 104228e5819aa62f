/**
 * Van Tharp's System Quality Number: √N · mean(pnl) / sd(pnl), sample sd (divisor N − 1), over all N
 * trades (Tharp, *The Definitive Guide to Position Sizing*, 2008, ch. 6). Tharp uses R-multiples
 * (P&L over the initial risk); with a constant risk per trade that is a rescaling, and the ratio is
 * scale-free, so P&L gives the same number. Tharp caps N at 100 in later writing; no cap here.
 *
 * @returns null for fewer than two trades or equal P&L on all of them.
 * @example
 * systemQualityNumber(Float64Array.of(2, -1, 3, -1)); // √4 · 0.75 / sd
 */
export function systemQualityNumber(pnl: Float64Array): number | null {
	const n = pnl.length;
	if (n < 2) return null;
	let sum = 0;
	let min = Infinity;
	let max = -Infinity;
	for (const p of pnl) {
		sum += p;
		if (p < min) min = p;
		if (p > max) max = p;
	}
	if (min === max) return null;
	const mean = sum / n;
	let squares = 0;
	for (const p of pnl) squares += (p - mean) ** 2;
	return (Math.sqrt(n) * mean) / Math.sqrt(squares / (n - 1));
}
