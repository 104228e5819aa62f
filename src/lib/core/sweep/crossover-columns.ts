import type { IndicatorCache } from './indicator-cache';
import type { SweepColumn } from './sweep-column';

export interface CrossoverCombo {
	fast: number;
	slow: number;
	/** Dead band on fast / slow − 1: long above +band, short below −band, flat inside. ≥ 0. */
	band: number;
}

export interface CrossoverOptions {
	/** A single-output moving average with one length parameter. Default 'sma'. */
	indicator?: string;
	/** Its length parameter's name. Default 'n'. */
	lengthParam?: string;
	/** Flat instead of short below the band. Default false. */
	longOnly?: boolean;
}

/**
 * Moving-average crossover columns: long while the fast average is more than `band` above the slow
 * one (fast / slow − 1 > band), short (or flat, `longOnly`) while it is more than `band` below, flat
 * in between and during warm-up. Each distinct length is computed once through `cache`, so a grid
 * of |F| × |S| × |B| combinations costs |F ∪ S| indicator passes.
 *
 * @example
 * const columns = crossoverColumns(cache, expandGrid({ fast: [5, 10, 20], slow: [50, 100], band: [0, 0.01] }));
 * columns.length; // 12, from 5 SMA computations
 */
export function crossoverColumns(
	cache: IndicatorCache,
	combos: readonly CrossoverCombo[],
	options: CrossoverOptions = {}
): SweepColumn[] {
	const { indicator = 'sma', lengthParam = 'n', longOnly = false } = options;
	return combos.map((combo): SweepColumn => {
		if (!(combo.band >= 0))
			throw new RangeError(`crossoverColumns: band must be ≥ 0, got ${combo.band}`);
		return {
			params: { fast: combo.fast, slow: combo.slow, band: combo.band },
			signal: cache.get(indicator, { [lengthParam]: combo.fast }),
			reference: cache.get(indicator, { [lengthParam]: combo.slow }),
			spread: 'ratio',
			lower: -combo.band,
			upper: combo.band,
			above: 1,
			below: longOnly ? 0 : -1,
			between: 0
		};
	});
}
