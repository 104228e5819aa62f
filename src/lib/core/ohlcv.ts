/**
 * A columnar bar series: one Float64Array per field, all the same length, time ascending.
 * Columnar typed arrays transfer across workers without copying and feed GPU buffers directly.
 */
export interface OhlcvSeries {
	symbol: string;
	/** Bar open time, milliseconds since the Unix epoch (UTC). */
	time: Float64Array;
	open: Float64Array;
	high: Float64Array;
	low: Float64Array;
	close: Float64Array;
	/** NaN where the source has no volume. */
	volume: Float64Array;
}

export const OHLCV_FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;
export type OhlcvField = (typeof OHLCV_FIELDS)[number];

export const seriesLength = (s: OhlcvSeries): number => s.close.length;
