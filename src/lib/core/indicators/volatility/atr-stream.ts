import type { Bar } from '../indicator';
import { SeededEma } from '../statistics/kernels/seeded-ema';
import { TrueRangeStream } from './true-range-stream';

/**
 * Average true range one bar at a time: Wilder's smoothing (α = 1/n) of the true range, seeded
 * with the mean of the first n true ranges (TTR `ATR`, TA-Lib ATR). First value at bar n.
 */
export class AtrStream {
	private readonly tr = new TrueRangeStream();
	private readonly avg: SeededEma;

	constructor(period: number) {
		this.avg = new SeededEma(period, 1 / period);
	}

	next(high: number, low: number, close: number): number {
		return this.avg.push(this.tr.next(high, low, close));
	}

	nextBar(bar: Bar): number {
		return this.next(bar.high, bar.low, bar.close);
	}
}
