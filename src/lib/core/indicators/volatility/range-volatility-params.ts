import type { ParamSpec } from '../indicator';

/** TTR `volatility(n)`: bars in the estimator's window. */
export function volWindowParam(min: number): ParamSpec {
	return {
		name: 'window',
		default: 10,
		min,
		max: 100_000,
		integer: true,
		description: 'Bars in the estimator window (TTR n)'
	};
}

/**
 * TTR `volatility(N)`: periods per year for annualising (σ · √N). Default 252 trading days; TTR's
 * own default is 260, so the fixtures pass N = 252 explicitly.
 */
export const PERIODS_PER_YEAR: ParamSpec = {
	name: 'periods_per_year',
	default: 252,
	min: 1,
	max: 1_000_000,
	integer: false,
	description: 'Periods per year for annualising (252 trading days)'
};
