import type { FixOptions } from '$lib/core/quality';

/** Fixes that change nothing: what a clean file is imported with (and any finding is refused). */
export const NO_FIXES: FixOptions = {
	duplicates: 'reject',
	invalid: 'reject',
	nonMonotonic: 'reject',
	outliers: 'keep',
	ohlc: 'keep'
};
