/**
 * The number of worst periods that make the (1 − level) tail of n returns: k = ⌈(1 − level) · n⌉,
 * at least 1. A 1e-9 slack keeps representation error from adding a period ((1 − 0.95) · 100 is
 * 5.000000000000004 in f64, which must give k = 5, not 6).
 */
export function tailCount(n: number, level: number): number {
	return Math.max(1, Math.ceil((1 - level) * n - 1e-9));
}

/**
 * Historical value at risk at confidence `level` (default 0.95), as a positive loss per period:
 * VaR = −r_(k), the k-th smallest return, with k = ⌈(1 − level) · n⌉ (`tailCount`) — the lower
 * empirical quantile F̂⁻¹(1 − level) = inf{x : F̂(x) ≥ 1 − level}, no interpolation (Jorion,
 * *Value at Risk*, 3rd ed., 2007, ch. 5; Hull, *Risk Management and Financial Institutions*, ch. 13).
 * Negative when even the tail returns are gains.
 *
 * @returns null for no returns or a level outside (0, 1).
 * @example
 * valueAtRisk(returns100, 0.95); // minus the 5th worst of 100 returns
 */
export function valueAtRisk(returns: Float64Array, level = 0.95): number | null {
	const n = returns.length;
	if (n === 0 || !(level > 0 && level < 1)) return null;
	const sorted = Float64Array.from(returns).sort();
	return -sorted[tailCount(n, level) - 1];
}
