import { CounterRng } from '../random/philox';
import { quantileSorted } from './quantile-sorted';
import { stationaryBootstrapIndices } from './stationary-bootstrap-indices';

export interface BootstrapOptions {
	/** Number of bootstrap resamples B. Default 2000. */
	resamples?: number;
	/** Mean block length of the stationary bootstrap. Default max(1, n^{1/3}) (see below). */
	meanBlock?: number;
	/** Two-sided confidence level. Default 0.95. */
	level?: number;
	/** Philox seed: the same seed gives the same interval. Default 0. */
	seed?: number;
}

export interface BootstrapInterval {
	/** The statistic on the original sample. */
	estimate: number;
	/** Percentile interval bounds: the (1 − level)/2 and (1 + level)/2 quantiles of the resamples. */
	lower: number;
	upper: number;
	level: number;
	/** Resamples whose statistic was finite (the others are dropped). */
	resamples: number;
	meanBlock: number;
}

/**
 * The default mean block length n^{1/3}: the rate-optimal order for block-bootstrap variance and
 * distribution estimates (Hall, Horowitz & Jing, *Biometrika* 82(3), 1995; Politis & White,
 * *Econometric Reviews* 23(1), 2004, whose data-driven constant this omits). Never below 1.
 */
export const defaultMeanBlock = (n: number): number => Math.max(1, Math.cbrt(n));

/**
 * A percentile bootstrap confidence interval (Efron & Tibshirani, *An Introduction to the Bootstrap*,
 * 1993, §13.3) for `statistic` of a time series, resampled with the stationary bootstrap (Politis &
 * Romano 1994) so serial dependence within blocks is kept. Percentile intervals, not BCa: no bias or
 * acceleration correction, so coverage can fall short for strongly skewed statistics in small samples.
 * Quantiles by Hyndman–Fan type 7.
 *
 * NaN rule: resamples whose statistic is not finite (e.g. a Sharpe ratio of a constant resample) are
 * dropped and counted out of `resamples`; with fewer than two left, lower and upper are NaN.
 *
 * @example
 * const mean = (x: Float64Array) => x.reduce((a, b) => a + b, 0) / x.length;
 * bootstrapCi(returns, mean, { seed: 1 }); // { estimate, lower, upper, level: 0.95, ... }
 */
export function bootstrapCi(
	returns: Float64Array,
	statistic: (sample: Float64Array) => number,
	options: BootstrapOptions = {}
): BootstrapInterval {
	return pairedPercentileInterval([returns], ([x]) => statistic(x), options);
}

/**
 * Shared engine of `bootstrapCi` and `bootstrapDifferenceCi`: every series is resampled with the
 * same indices (paired), then the percentile interval of `statistic` is taken.
 */
export function pairedPercentileInterval(
	series: Float64Array[],
	statistic: (samples: Float64Array[]) => number,
	{ resamples = 2000, meanBlock, level = 0.95, seed = 0 }: BootstrapOptions
): BootstrapInterval {
	const n = series[0].length;
	if (series.some((s) => s.length !== n))
		throw new RangeError('bootstrap: paired series must have equal length');
	if (!(Number.isInteger(resamples) && resamples >= 1))
		throw new RangeError(`bootstrap: resamples must be an integer ≥ 1; got ${resamples}`);
	if (!(level > 0 && level < 1))
		throw new RangeError(`bootstrap: level must be in (0, 1); got ${level}`);
	const block = meanBlock ?? defaultMeanBlock(n);
	const estimate = statistic(series);
	const rng = new CounterRng(seed);
	const draws = new Float64Array(resamples);
	let valid = 0;
	for (let b = 0; b < resamples && n > 0; b++) {
		const idx = stationaryBootstrapIndices(n, block, rng);
		const value = statistic(series.map((s) => Float64Array.from(idx, (i) => s[i])));
		if (Number.isFinite(value)) draws[valid++] = value;
	}
	const sorted = draws.subarray(0, valid).sort();
	const enough = valid >= 2;
	return {
		estimate,
		lower: enough ? quantileSorted(sorted, (1 - level) / 2) : NaN,
		upper: enough ? quantileSorted(sorted, (1 + level) / 2) : NaN,
		level,
		resamples: valid,
		meanBlock: block
	};
}
