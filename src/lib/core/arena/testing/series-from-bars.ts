import type { OhlcvSeries } from '../../ohlcv';

/** A bar as [open, high, low, close] or [open, high, low, close, volume] (volume default 1e6). */
export type BarRow =
	readonly [number, number, number, number] | readonly [number, number, number, number, number];

/**
 * A series from literal bars, for hand-computed tests: bar i opens at start + i × stepMs
 * (default: daily bars from 2024-01-01 UTC).
 *
 * @example
 * seriesFromBars([[100, 101, 99, 100], [100, 106, 99, 105]]).close; // Float64Array [100, 105]
 */
export function seriesFromBars(
	rows: readonly BarRow[],
	stepMs = 86_400_000,
	start = Date.UTC(2024, 0, 1)
): OhlcvSeries {
	const column = (k: number, fallback = NaN) =>
		Float64Array.from(rows, (r) => (r.length > k ? r[k]! : fallback));
	return {
		symbol: 'TEST',
		time: Float64Array.from(rows, (_, i) => start + i * stepMs),
		open: column(0),
		high: column(1),
		low: column(2),
		close: column(3),
		volume: column(4, 1e6)
	};
}

/** A flat bar at price p (O = H = L = C). */
export const flat = (p: number): BarRow => [p, p, p, p];
