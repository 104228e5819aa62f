/**
 * Annualised turnover in multiples of equity: (Σ_t notional_t / E_{t−1}) × periodsPerYear / n, the
 * traded notional of each bar over the equity before it (E_{−1} = initial cash), so 1 means trading
 * the account's value once a year; a long-to-short flip of the whole account counts 2 (as
 * `runBacktest`'s turnover). Bars after equity reaches ≤ 0 are skipped.
 *
 * @returns null for no bars.
 * @example
 * turnover(Float64Array.of(1, 0, 0, 1), Float64Array.of(1, 1, 1, 1), 1, 252); // 126
 */
export function turnover(
	notional: Float64Array,
	equity: Float64Array,
	initialCash: number,
	periodsPerYear: number
): number | null {
	const n = notional.length;
	if (n === 0) return null;
	let sum = 0;
	let before = initialCash;
	for (let t = 0; t < n; t++) {
		if (before > 0) sum += notional[t] / before;
		before = equity[t];
	}
	return (sum * periodsPerYear) / n;
}
