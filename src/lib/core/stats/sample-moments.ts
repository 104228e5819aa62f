export interface SampleMoments {
	n: number;
	mean: number;
	/** Unbiased sample variance, Σ(x − x̄)² / (n − 1). */
	variance: number;
	/** Moment skewness g₁ = m₃ / m₂^{3/2} (not bias-adjusted). */
	skewness: number;
	/** Moment excess kurtosis g₂ = m₄ / m₂² − 3 (0 for a normal; add 3 for the raw kurtosis γ₄). */
	excessKurtosis: number;
}

/**
 * Mean, variance, skewness and excess kurtosis of a sample, with m_k = (1/n)·Σ(x − x̄)^k the central
 * moments. Estimators (Joanes & Gill, "Comparing measures of sample skewness and kurtosis", *The
 * Statistician* 47(1), 1998): the variance is the unbiased s² (divisor n − 1); skewness and kurtosis
 * are the plain moment ratios g₁ = m₃/m₂^{3/2} and g₂ = m₄/m₂² − 3 (divisor n, no small-sample
 * adjustment), i.e. `scipy.stats.skew` / `scipy.stats.kurtosis` with their default `bias=True`. These
 * are the γ̂₃ and γ̂₄ − 3 that Bailey & López de Prado plug into the PSR and DSR. Two passes (mean
 * first) for accuracy.
 *
 * NaN rule: any NaN value makes every moment NaN. mean is NaN for n = 0; variance for n < 2;
 * skewness and kurtosis for n < 2 or zero dispersion (m₂ = 0).
 *
 * @example
 * sampleMoments(Float64Array.of(1, 2, 3, 10));
 * // { n: 4, mean: 4, variance: 16.67, skewness: 1.018, excessKurtosis: -0.7696 }
 */
export function sampleMoments(values: Float64Array): SampleMoments {
	const n = values.length;
	let sum = 0;
	for (const v of values) sum += v;
	const mean = n === 0 ? NaN : sum / n;
	let m2 = 0;
	let m3 = 0;
	let m4 = 0;
	for (const v of values) {
		const d = v - mean;
		const d2 = d * d;
		m2 += d2;
		m3 += d2 * d;
		m4 += d2 * d2;
	}
	const variance = n < 2 ? NaN : m2 / (n - 1);
	m2 /= n;
	m3 /= n;
	m4 /= n;
	const defined = n >= 2 && m2 > 0;
	return {
		n,
		mean,
		variance,
		skewness: defined ? m3 / m2 ** 1.5 : NaN,
		excessKurtosis: defined ? m4 / (m2 * m2) - 3 : NaN
	};
}
