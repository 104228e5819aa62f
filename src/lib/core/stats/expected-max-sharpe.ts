import { normalQuantile } from './normal-quantile';

/** The Euler–Mascheroni constant γ. */
export const EULER_MASCHERONI = 0.5772156649015329;

export interface ExpectedMaxSharpeInput {
	/** Number N of (effectively independent) strategy trials the selected one was the best of. */
	trials: number;
	/** Variance V[ŜR_n] of the Sharpe ratios across those trials, per period (not annualised). */
	trialSharpeVariance: number;
}

/**
 * SR₀, the Sharpe ratio the best of N skill-less trials is expected to show — the benchmark the
 * Deflated Sharpe Ratio tests against (Bailey & López de Prado, "The Deflated Sharpe Ratio",
 * *Journal of Portfolio Management* 40(5), 2014, eq. 2; the approximation to the expected maximum of
 * N normals is from Bailey, Borwein, López de Prado & Zhu, *Notices of the AMS* 61(5), 2014):
 *
 *   SR₀ = √V[ŜR_n] · ( (1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)) ),  γ = Euler–Mascheroni.
 *
 * The bracket is 2.5306 at N = 100, against the exact E[max of 100 N(0,1)] = 2.5076. N = 1 (no
 * selection) gives SR₀ = 0, where the formula's Φ⁻¹(0) is undefined. N may be fractional (an
 * "effective" number of trials).
 *
 * NaN rule: NaN for NaN inputs, N < 1 or a negative variance.
 *
 * @example
 * expectedMaxSharpe({ trials: 100, trialSharpeVariance: 0.5 / 250 }); // ≈ 0.1132 (daily)
 */
export function expectedMaxSharpe({ trials, trialSharpeVariance }: ExpectedMaxSharpeInput): number {
	if (!(trials >= 1 && trialSharpeVariance >= 0)) return NaN;
	if (trials === 1) return 0;
	const g = EULER_MASCHERONI;
	const z =
		(1 - g) * normalQuantile(1 - 1 / trials) + g * normalQuantile(1 - 1 / (trials * Math.E));
	return Math.sqrt(trialSharpeVariance) * z;
}
