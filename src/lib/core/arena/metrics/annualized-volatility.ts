/**
 * Annualised volatility of per-period returns: the sample standard deviation (divisor n − 1) times
 * √periodsPerYear — the square-root-of-time rule, exact for independent, identically distributed
 * returns (Hull, *Options, Futures, and Other Derivatives*, ch. "Volatility"; biased under serial
 * correlation, Lo 2002).
 *
 * @returns null for fewer than two returns or when all are equal.
 * @example
 * annualizedVolatility(Float64Array.of(0.01, -0.01), 252); // √0.0002 × √252 ≈ 0.2245
 */
export function annualizedVolatility(returns: Float64Array, periodsPerYear: number): number | null {
	const n = returns.length;
	if (n < 2) return null;
	let sum = 0;
	let min = Infinity;
	let max = -Infinity;
	for (const r of returns) {
		sum += r;
		if (r < min) min = r;
		if (r > max) max = r;
	}
	if (min === max) return null;
	const mean = sum / n;
	let squares = 0;
	for (const r of returns) squares += (r - mean) ** 2;
	return Math.sqrt((squares / (n - 1)) * periodsPerYear);
}
