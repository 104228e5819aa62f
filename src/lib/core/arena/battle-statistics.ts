import {
	bootstrapCi,
	deflatedSharpeRatio,
	hansenSpa,
	pboVerdict,
	probabilisticSharpeRatio,
	probabilityOfBacktestOverfitting,
	sampleMoments,
	sharpeVerdict,
	spaVerdict
} from '../stats';

/** Per-period Sharpe ratio mean / sd (n − 1); NaN with fewer than two returns or no dispersion. */
export function periodSharpe(returns: Float64Array): number {
	const m = sampleMoments(returns);
	const sd = Math.sqrt(m.variance);
	return sd > 0 ? m.mean / sd : NaN;
}

/** Population variance of the finite values (the trials' Sharpe dispersion for the DSR). */
export function finiteVariance(values: readonly number[]): number {
	const xs = values.filter(Number.isFinite);
	if (xs.length < 2) return 0;
	const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
	return xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
}

export interface SharpeInference {
	psr: number;
	dsr: number;
	verdict: string;
	ci: ReturnType<typeof bootstrapCi>;
}

/**
 * PSR (against 0), DSR (against the expected best Sharpe of `trials` trials with the given Sharpe
 * variance), the bootstrap interval of the annualised Sharpe, and the verdict line.
 */
export function sharpeInference(
	returns: Float64Array,
	options: {
		trials: number;
		trialSharpeVariance: number;
		periodsPerYear: number;
		resamples: number;
		seed: number;
		level: number;
	}
): SharpeInference {
	const m = sampleMoments(returns);
	const sharpe = periodSharpe(returns);
	const kurtosis = m.excessKurtosis + 3;
	const psr = probabilisticSharpeRatio({ sharpe, n: m.n, skew: m.skewness, kurtosis });
	const dsr = deflatedSharpeRatio({
		sharpe,
		n: m.n,
		skew: m.skewness,
		kurtosis,
		trials: options.trials,
		trialSharpeVariance: options.trialSharpeVariance
	});
	const annual = Math.sqrt(options.periodsPerYear);
	const ci = bootstrapCi(returns, (x) => periodSharpe(x) * annual, {
		resamples: options.resamples,
		seed: options.seed,
		level: options.level
	});
	const verdict = sharpeVerdict({ psr, dsr, trials: options.trials, level: options.level });
	return { psr, dsr, verdict, ci };
}

/** The largest even S ≤ 16 that leaves at least 8 rows per block (CSCV needs S ≥ 2). */
export function cscvBlocks(rows: number): number {
	const s = Math.min(16, Math.floor(rows / 8));
	return s - (s % 2);
}

/** PBO by CSCV over a T×N matrix of candidate returns, or null when it cannot be computed. */
export function gridOverfitting(
	matrix: Float64Array,
	T: number,
	N: number,
	level: number
): { pbo: number; combinations: number; verdict: string } | null {
	const S = cscvBlocks(T);
	if (N < 2 || S < 2) return null;
	const r = probabilityOfBacktestOverfitting(matrix, T, N, S, 'sharpe');
	return {
		pbo: r.pbo,
		combinations: r.combinations,
		verdict: pboVerdict({ pbo: r.pbo, combinations: r.combinations, level })
	};
}

/**
 * Hansen's SPA for "some contender beats the benchmark": losses are negative returns, so
 * d_{t,k} = r_{t,k} − r_{t,benchmark}.
 */
export function beatsBenchmark(
	challengers: readonly { label: string; returns: Float64Array }[],
	benchmark: { label: string; returns: Float64Array },
	options: { resamples: number; seed: number; level: number }
): { pValue: number; statistic: number; best: string | null; verdict: string } | null {
	const K = challengers.length;
	const T = benchmark.returns.length;
	if (K === 0 || T < 3) return null;
	const diffs = new Float64Array(T * K);
	for (let t = 0; t < T; t++)
		for (let k = 0; k < K; k++) diffs[t * K + k] = challengers[k].returns[t] - benchmark.returns[t];
	const result = hansenSpa(diffs, T, K, { resamples: options.resamples, seed: options.seed });
	const names = challengers.map((c) => c.label);
	return {
		pValue: result.pValue,
		statistic: result.statistic,
		best: result.bestModel >= 0 ? names[result.bestModel] : null,
		verdict: spaVerdict({
			result,
			benchmark: benchmark.label,
			modelNames: names,
			level: options.level
		})
	};
}
