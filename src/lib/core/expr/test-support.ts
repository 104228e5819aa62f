// Test support only (imported by specs, never by app code).
import type { OhlcvSeries } from '../ohlcv';

/**
 * A series from closes for tests: high = close + 1, low = close − 1, open = close, volume given or
 * 100 + i. Fields other than close can be overridden.
 */
export function testSeries(
	close: number[],
	over: Partial<Record<'open' | 'high' | 'low' | 'volume', number[]>> = {}
): OhlcvSeries {
	const f = (v: number[]) => Float64Array.from(v);
	return {
		symbol: 'TEST',
		time: Float64Array.from(close, (_, i) => i * 86_400_000),
		open: f(over.open ?? close),
		high: f(over.high ?? close.map((c) => c + 1)),
		low: f(over.low ?? close.map((c) => c - 1)),
		close: f(close),
		volume: f(over.volume ?? close.map((_, i) => 100 + i))
	};
}

/** A copy whose bars after row `t` are scaled by `factor` (prices and volume). */
export function alterAfter(series: OhlcvSeries, t: number, factor: number): OhlcvSeries {
	const scale = (a: Float64Array) => a.map((v, i) => (i > t ? v * factor : v));
	return {
		...series,
		open: scale(series.open),
		high: scale(series.high),
		low: scale(series.low),
		close: scale(series.close),
		volume: scale(series.volume)
	};
}
