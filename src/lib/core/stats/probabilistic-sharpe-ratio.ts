import { normalCdf } from './normal-cdf';

export interface PsrInput {
	/** Observed Sharpe ratio ŜR per period (NOT annualised): mean / sd of the n returns. */
	sharpe: number;
	/** Benchmark SR* per period, same units as `sharpe`. Default 0 (is there any skill at all?). */
	benchmarkSharpe?: number;
	/** Number of return observations behind `sharpe`. */
	n: number;
	/** Skewness γ₃ of the returns (the moment estimator g₁ of `sampleMoments`). */
	skew: number;
	/** RAW kurtosis γ₄ of the returns: 3 for a normal (`sampleMoments(...).excessKurtosis + 3`). */
	kurtosis: number;
}

/**
 * The Probabilistic Sharpe Ratio: the probability that the true Sharpe ratio exceeds SR*, given an
 * observed ŜR from n returns with skewness γ₃ and (raw) kurtosis γ₄ (Bailey & López de Prado, "The
 * Sharpe Ratio Efficient Frontier", *Journal of Risk* 15(2), 2012, eq. 11; the asymptotic variance of
 * ŜR for non-normal i.i.d. returns is from Mertens, 2002):
 *
 *   PSR(SR*) = Φ( (ŜR − SR*)·√(n − 1) / √(1 − γ₃·ŜR + (γ₄ − 1)/4·ŜR²) ).
 *
 * Conventions (get these wrong and the number is meaningless): ŜR and SR* are per-period, not
 * annualised; γ₄ is the raw kurtosis (normal = 3, so the denominator is √(1 + ŜR²/2) for normal
 * returns, as in Lo 2002); returns are assumed i.i.d. (serial correlation inflates the precision).
 *
 * NaN rule: NaN if any input is NaN, n < 2, or the variance term 1 − γ₃ŜR + (γ₄ − 1)ŜR²/4 is not
 * positive (impossible for moments of a real sample, since γ₄ ≥ 1 + γ₃²).
 *
 * @example
 * // Monthly ŜR 0.1 over 101 months, skew −1, kurtosis 6: PSR(0) ≈ 0.828
 * probabilisticSharpeRatio({ sharpe: 0.1, n: 101, skew: -1, kurtosis: 6 });
 */
export function probabilisticSharpeRatio({
	sharpe,
	benchmarkSharpe = 0,
	n,
	skew,
	kurtosis
}: PsrInput): number {
	const variance = 1 - skew * sharpe + ((kurtosis - 1) / 4) * sharpe * sharpe;
	if (!(n >= 2 && variance > 0)) return NaN;
	return normalCdf(((sharpe - benchmarkSharpe) * Math.sqrt(n - 1)) / Math.sqrt(variance));
}
