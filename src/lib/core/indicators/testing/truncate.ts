import type { OhlcvSeries } from '../../ohlcv';

/** The first `n` bars of a series (copies), for look-ahead checks. */
export function truncate(series: OhlcvSeries, n: number): OhlcvSeries {
	return {
		symbol: series.symbol,
		time: series.time.slice(0, n),
		open: series.open.slice(0, n),
		high: series.high.slice(0, n),
		low: series.low.slice(0, n),
		close: series.close.slice(0, n),
		volume: series.volume.slice(0, n)
	};
}
