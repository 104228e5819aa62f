import type { OhlcvSeries } from '../../ohlcv';

/** An OHLCV series of `n` zero bars, for specs that fill in their own test data. */
export function blankSeries(n: number, symbol: string): OhlcvSeries {
	return {
		symbol,
		time: new Float64Array(n),
		open: new Float64Array(n),
		high: new Float64Array(n),
		low: new Float64Array(n),
		close: new Float64Array(n),
		volume: new Float64Array(n)
	};
}
