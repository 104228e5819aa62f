import { expectedMaxSharpe } from './expected-max-sharpe';
import { probabilisticSharpeRatio } from './probabilistic-sharpe-ratio';

export interface DsrInput {
	/** Observed Sharpe ratio of the SELECTED strategy, per period (not annualised). */
	sharpe: number;
	/** Number of return observations behind `sharpe`. */
	n: number;
	/** Skewness γ₃ of the selected strategy's returns. */
	skew: number;
	/** RAW kurtosis γ₄ of the selected strategy's returns (normal = 3). */
	kurtosis: number;
	/** Number N of independent trials the strategy was selected from (≥ 1). */
	trials: number;
	/** Variance of the per-period Sharpe ratios across the trials. */
	trialSharpeVariance: number;
}

/**
 * The Deflated Sharpe Ratio: the PSR of the selected strategy against SR₀, the Sharpe ratio its
 * best-of-N selection would show by luck alone (Bailey & López de Prado, "The Deflated Sharpe Ratio:
 * Correcting for Selection Bias, Backtest Overfitting and Non-Normality", *Journal of Portfolio
 * Management* 40(5), 2014, eq. 2):
 *
 *   DSR = PSR(SR₀),  SR₀ = √V[ŜR_n]·((1 − γ)Φ⁻¹(1 − 1/N) + γΦ⁻¹(1 − 1/(N·e))).
 *
 * Same conventions as `probabilisticSharpeRatio` (per-period Sharpe, raw kurtosis). Reproduces the
 * paper's numerical example (N = 100, V = ½ annualised, 1 250 daily returns, annual SR 2.5, γ₃ = −3,
 * γ₄ = 10 → DSR ≈ 0.9004). With N = 1 it is PSR(0).
 *
 * NaN rule: as `probabilisticSharpeRatio` and `expectedMaxSharpe`.
 *
 * @example
 * deflatedSharpeRatio({
 * 	sharpe: 2.5 / Math.sqrt(250), n: 1250, skew: -3, kurtosis: 10, trials: 100, trialSharpeVariance: 0.5 / 250
 * }); // ≈ 0.9004
 */
export function deflatedSharpeRatio({
	sharpe,
	n,
	skew,
	kurtosis,
	trials,
	trialSharpeVariance
}: DsrInput): number {
	const benchmarkSharpe = expectedMaxSharpe({ trials, trialSharpeVariance });
	return probabilisticSharpeRatio({ sharpe, benchmarkSharpe, n, skew, kurtosis });
}
