import type { RawBars } from '../data/raw-bars';

/**
 * Bars with a zero or negative open, high, low or close (ascending indices). Prices of traded assets
 * are positive, and a log return through a non-positive price is undefined.
 *
 * @example
 * findNonPositivePrices(raw); // [4] when bar 4 has low 0
 */
export function findNonPositivePrices(raw: RawBars): number[] {
	const found: number[] = [];
	for (let i = 0; i < raw.time.length; i++) {
		if (raw.open[i] <= 0 || raw.high[i] <= 0 || raw.low[i] <= 0 || raw.close[i] <= 0) found.push(i);
	}
	return found;
}
