import type { IndicatorCache } from './indicator-cache';
import type { SweepColumn } from './sweep-column';

export interface LevelBandOptions {
	/** The oscillator, e.g. 'rsi'. */
	indicator: string;
	/** Which output (index or name). Default 0. */
	output?: number | string;
	/** Long below `lower` and short above `upper` (mean reversion, the usual RSI reading). Default true. */
	contrarian?: boolean;
	/** Flat instead of short. Default false. */
	longOnly?: boolean;
}

/**
 * Level-threshold columns on one oscillator: every key of a combo other than `lower` and `upper`
 * is an indicator parameter, so `{ n: 14, lower: 30, upper: 70 }` is RSI(14) with 30/70 levels.
 * Contrarian (default): long while the oscillator is below `lower`, short while above `upper`, flat
 * between and during warm-up; trend-following swaps the two. The oscillator is computed once per
 * distinct parameter set, and the thresholds only add columns.
 *
 * @example
 * const columns = levelBandColumns(cache, expandGrid({ n: [7, 14], lower: [20, 30], upper: [70, 80] }), { indicator: 'rsi' });
 * columns.length; // 8, from 2 RSI computations
 */
export function levelBandColumns(
	cache: IndicatorCache,
	combos: readonly Readonly<Record<string, number>>[],
	options: LevelBandOptions
): SweepColumn[] {
	const { indicator, output = 0, contrarian = true, longOnly = false } = options;
	const short = longOnly ? 0 : -1;
	return combos.map((combo): SweepColumn => {
		const { lower, upper, ...params } = combo;
		if (!(lower <= upper)) {
			throw new RangeError(`levelBandColumns: need lower ≤ upper, got ${lower} and ${upper}`);
		}
		return {
			params: combo,
			signal: cache.get(indicator, params, output),
			reference: 0,
			spread: 'difference',
			lower,
			upper,
			above: contrarian ? short : 1,
			below: contrarian ? 1 : short,
			between: 0
		};
	});
}
