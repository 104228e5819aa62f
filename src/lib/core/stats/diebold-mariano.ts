import { studentTCdf } from './student-t-cdf';

export interface DieboldMarianoResult {
	/** HLN-corrected statistic DM* = DM·√((n + 1 − 2h + h(h − 1)/n)/n), referred to Student-t(n − 1). */
	statistic: number;
	/** The original Diebold–Mariano statistic d̄ / √V̂(d̄), asymptotically N(0, 1). */
	dmStatistic: number;
	/** d̄ = mean(lossA − lossB): negative means A had the lower average loss. */
	meanDifference: number;
	/** Degrees of freedom n − 1. */
	df: number;
	/** Two-sided p-value for H₀: E[lossA] = E[lossB]. */
	pValue: number;
	/** One-sided p-value for H₁: A is more accurate (E[lossA] < E[lossB]). */
	pValueABetter: number;
	/** One-sided p-value for H₁: B is more accurate (E[lossA] > E[lossB]). */
	pValueBBetter: number;
	/** 'rectangular' as in the original; 'bartlett' when that variance came out ≤ 0 (see below). */
	varianceEstimator: 'rectangular' | 'bartlett';
	n: number;
	horizon: number;
}

/**
 * The Diebold–Mariano test of equal predictive accuracy (Diebold & Mariano, "Comparing Predictive
 * Accuracy", *JBES* 13(3), 1995) with the small-sample correction of Harvey, Leybourne & Newbold,
 * "Testing the equality of prediction mean squared errors", *IJF* 13(2), 1997.
 *
 * d_t = lossA_t − lossB_t; γ̂_k = (1/n)·Σ_{t>k}(d_t − d̄)(d_{t−k} − d̄); V̂(d̄) = (γ̂₀ + 2·Σ_{k=1}^{h−1} γ̂_k)/n
 * (the rectangular window up to lag h − 1, since h-step forecast errors are MA(h − 1));
 * DM = d̄/√V̂; DM* = DM·√((n + 1 − 2h + h(h − 1)/n)/n) against Student-t with n − 1 degrees of freedom.
 * This is `forecast::dm.test` (R) with its default variance estimator, for losses given directly.
 * The rectangular window can give V̂ ≤ 0 for h > 1; then Bartlett weights 1 − k/h are used instead
 * (always ≥ 0; `dm.test`'s `varestimator = "bartlett"`) and `varianceEstimator` says so — where
 * `dm.test`'s default would instead warn and retry with h = 1.
 *
 * NaN rule: a NaN loss makes every number NaN. Zero variance (identical d_t) gives an infinite
 * statistic when d̄ ≠ 0 and NaN when d̄ = 0.
 *
 * @throws RangeError for unequal lengths, n < 2, or a horizon that is not an integer in [1, n).
 * @example
 * dieboldMariano(squaredErrorsA, squaredErrorsB, { horizon: 1 }).pValue;
 */
export function dieboldMariano(
	lossA: Float64Array,
	lossB: Float64Array,
	{ horizon = 1 }: { horizon?: number } = {}
): DieboldMarianoResult {
	const n = lossA.length;
	if (lossB.length !== n)
		throw new RangeError('dieboldMariano: loss series must have equal length');
	if (n < 2) throw new RangeError('dieboldMariano: needs at least two losses');
	if (!(Number.isInteger(horizon) && horizon >= 1 && horizon < n)) {
		throw new RangeError(`dieboldMariano: horizon must be an integer in [1, n); got ${horizon}`);
	}
	const d = lossA.map((a, t) => a - lossB[t]);
	const mean = d.reduce((s, v) => s + v, 0) / n;
	const autocovariance = (k: number) => {
		let s = 0;
		for (let t = k; t < n; t++) s += (d[t] - mean) * (d[t - k] - mean);
		return s / n;
	};
	const gammas = Array.from({ length: horizon }, (_, k) => autocovariance(k));
	let varianceEstimator: DieboldMarianoResult['varianceEstimator'] = 'rectangular';
	let longRun = gammas.reduce((s, g, k) => s + (k === 0 ? g : 2 * g), 0);
	if (longRun <= 0 && horizon > 1) {
		varianceEstimator = 'bartlett';
		longRun = gammas.reduce((s, g, k) => s + (k === 0 ? g : 2 * (1 - k / horizon) * g), 0);
	}
	const dmStatistic = mean / Math.sqrt(longRun / n);
	const h = horizon;
	const statistic = dmStatistic * Math.sqrt((n + 1 - 2 * h + (h * (h - 1)) / n) / n);
	const df = n - 1;
	return {
		statistic,
		dmStatistic,
		meanDifference: mean,
		df,
		pValue: 2 * studentTCdf(-Math.abs(statistic), df),
		pValueABetter: studentTCdf(statistic, df),
		pValueBBetter: studentTCdf(-statistic, df),
		varianceEstimator,
		n,
		horizon
	};
}
