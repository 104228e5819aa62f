import {
	pairedPercentileInterval,
	type BootstrapInterval,
	type BootstrapOptions
} from './bootstrap-ci';

/**
 * A paired percentile bootstrap interval for statistic(a) − statistic(b): both series are resampled
 * with the SAME stationary-bootstrap indices (Politis & Romano 1994), so their contemporaneous
 * correlation (same market, same days) is kept and cancels in the difference — comparing two
 * strategies' Sharpe ratios this way is the paired analogue of Ledoit & Wolf, "Robust performance
 * hypothesis testing with the Sharpe ratio", *J. Empirical Finance* 15(5), 2008 (which uses a
 * studentised circular block bootstrap). Same options, defaults and NaN rule as `bootstrapCi`. An
 * interval excluding 0 is evidence of a difference at the stated level.
 *
 * @throws RangeError if a and b differ in length.
 * @example
 * bootstrapDifferenceCi(strategyA, strategyB, sharpe, { seed: 7 }); // { estimate, lower, upper, … }
 */
export function bootstrapDifferenceCi(
	a: Float64Array,
	b: Float64Array,
	statistic: (sample: Float64Array) => number,
	options: BootstrapOptions = {}
): BootstrapInterval {
	return pairedPercentileInterval([a, b], ([x, y]) => statistic(x) - statistic(y), options);
}
