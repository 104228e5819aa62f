/**
 * Ulcer index: √(mean_t D_t²) with D_t = 1 − E_t / M_t the fractional drawdown from the running
 * peak M_t, over every point of the curve (Martin, 1987; published in Martin & McCann, *The
 * Investor's Guide to Fidelity Funds*, Wiley, 1989). Martin states D in percent: multiply by 100.
 *
 * @returns null for an empty curve.
 * @example
 * ulcerIndex(Float64Array.of(1, 0.9, 1.2, 0.6)); // √((0 + 0.01 + 0 + 0.25) / 4)
 */
export function ulcerIndex(equity: Float64Array): number | null {
	const n = equity.length;
	if (n === 0) return null;
	let peak = -Infinity;
	let squares = 0;
	for (const e of equity) {
		if (e > peak) peak = e;
		const d = 1 - e / peak;
		squares += d * d;
	}
	return Math.sqrt(squares / n);
}
