/** A strategy against a benchmark over the same periods. */
export interface BenchmarkComparison {
	/** Total return of the strategy minus total return of the benchmark, Π(1 + r) − Π(1 + b). */
	excessReturn: number;
	/** cov(r, b) / var(b), sample moments; null when the benchmark does not vary. */
	beta: number | null;
	/** Annualised sd of the active return r − b: sd(r − b) · √periodsPerYear. */
	trackingError: number | null;
	/** Annualised mean active return over its sd: mean(r − b) / sd(r − b) · √periodsPerYear. */
	informationRatio: number | null;
}

/**
 * Compares per-period strategy returns r with benchmark returns b of the same periods: excess total
 * return, beta (Sharpe, "Capital Asset Prices", *Journal of Finance* 19(3), 1964), tracking error
 * and information ratio (Grinold & Kahn, *Active Portfolio Management*, 2nd ed., 2000, ch. 5;
 * Goodwin, "The Information Ratio", *Financial Analysts Journal* 54(4), 1998), sample moments
 * (divisor n − 1), annualised by √periodsPerYear.
 *
 * @returns null for fewer than two periods; fields null where their denominator is 0.
 * @throws RangeError when the lengths differ.
 * @example
 * benchmarkComparison(result.returns, buyAndHoldReturns(series.close), 252)?.informationRatio;
 */
export function benchmarkComparison(
	returns: Float64Array,
	benchmark: Float64Array,
	periodsPerYear: number
): BenchmarkComparison | null {
	const n = returns.length;
	if (benchmark.length !== n)
		throw new RangeError(`benchmarkComparison: ${benchmark.length} benchmark returns for ${n}`);
	if (n < 2) return null;
	let growth = 1;
	let benchGrowth = 1;
	let sr = 0;
	let sb = 0;
	for (let t = 0; t < n; t++) {
		growth *= 1 + returns[t];
		benchGrowth *= 1 + benchmark[t];
		sr += returns[t];
		sb += benchmark[t];
	}
	const mr = sr / n;
	const mb = sb / n;
	const ma = mr - mb;
	let cov = 0;
	let varB = 0;
	let varA = 0;
	for (let t = 0; t < n; t++) {
		const dr = returns[t] - mr;
		const db = benchmark[t] - mb;
		cov += dr * db;
		varB += db * db;
		varA += (dr - db) ** 2;
	}
	const sdA = Math.sqrt(varA / (n - 1));
	// An exactly-zero active variance is an identical series; a rounding residue is not dispersion.
	const active = varA > 1e-30 * n;
	return {
		excessReturn: growth - benchGrowth,
		beta: varB > 0 ? cov / varB : null,
		trackingError: active ? sdA * Math.sqrt(periodsPerYear) : null,
		informationRatio: active ? (ma / sdA) * Math.sqrt(periodsPerYear) : null
	};
}
