import type { OhlcvSeries } from '../ohlcv';
import { runSweepChunk } from './run-sweep-chunk';
import type { SweepColumn } from './sweep-column';
import type { SweepChunk, SweepOptions } from './sweep-types';

/**
 * Runs every column of a sweep on this thread: `runSweepChunk` over the whole column range. The
 * execution rule, NaN rule and metrics are documented there.
 *
 * @example
 * const cache = new IndicatorCache(series);
 * const columns = crossoverColumns(cache, expandGrid({ fast: [5, 10], slow: [50, 100], band: [0] }));
 * const result = runSweep(series, columns, { feeBps: 5, periodsPerYear: 252 });
 * result.sharpe; // Float64Array, one Sharpe ratio per column
 */
export function runSweep(
	series: OhlcvSeries,
	columns: readonly SweepColumn[],
	options: SweepOptions
): SweepChunk {
	return runSweepChunk(series, columns, 0, columns.length, options);
}
