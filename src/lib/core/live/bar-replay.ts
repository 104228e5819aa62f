import type { OhlcvSeries } from '../ohlcv';
import type { LiveBar } from './paper-account';

/**
 * A local replay of a stored series as a live feed: bars come out one at a time, in order, from
 * `start`. Pure (no timers): the page decides the pace with `barsDue`.
 *
 * @example
 * const feed = new BarReplay(series, 250);
 * for (let bar = feed.next(); bar; bar = feed.next()) arena.push(bar);
 */
export class BarReplay {
	readonly #series: OhlcvSeries;
	#at: number;

	constructor(series: OhlcvSeries, start = 0) {
		this.#series = series;
		this.#at = Math.max(0, Math.min(start, series.close.length));
	}

	/** Index of the next bar to deliver. */
	get position(): number {
		return this.#at;
	}

	get done(): boolean {
		return this.#at >= this.#series.close.length;
	}

	next(): LiveBar | null {
		if (this.done) return null;
		const s = this.#series;
		const i = this.#at++;
		return {
			time: s.time[i],
			open: s.open[i],
			high: s.high[i],
			low: s.low[i],
			close: s.close[i],
			volume: s.volume[i]
		};
	}
}

/**
 * How many bars a replay at `barsPerSecond` owes after `elapsedMs` when `delivered` have gone out
 * (Infinity = as fast as possible: `maxBatch`). Keeps the pace right when timers fire late.
 *
 * @example
 * barsDue(10, 1000, 7); // 3
 */
export function barsDue(
	barsPerSecond: number,
	elapsedMs: number,
	delivered: number,
	maxBatch = 500
): number {
	if (barsPerSecond === Infinity) return maxBatch;
	const owed = Math.floor((barsPerSecond * elapsedMs) / 1000) - delivered;
	return Math.max(0, Math.min(maxBatch, owed));
}
