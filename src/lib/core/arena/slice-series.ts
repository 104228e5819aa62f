import type { OhlcvSeries } from '../ohlcv';

/** Bars [start, end) of a series as views (no copy). */
export function sliceSeries(series: OhlcvSeries, start: number, end: number): OhlcvSeries {
	return {
		symbol: series.symbol,
		time: series.time.subarray(start, end),
		open: series.open.subarray(start, end),
		high: series.high.subarray(start, end),
		low: series.low.subarray(start, end),
		close: series.close.subarray(start, end),
		volume: series.volume.subarray(start, end)
	};
}
