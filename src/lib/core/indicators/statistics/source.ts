import type { OhlcvSeries } from '../../ohlcv';
import { logReturn } from '../../features/log-return';
import type { ParamSpec, Params } from '../indicator';

/**
 * The rolling statistics read one column chosen by an integer-coded `source` parameter (integer
 * codes keep every parameter a number, which the pipeline designer and URL state already handle):
 * 0 = close, 1 = log return of close, ln(cₜ / cₜ₋₁) (`features/log-return`, one extra warm-up row).
 */
export const SOURCE_PARAM: ParamSpec = {
	name: 'source',
	default: 0,
	min: 0,
	max: 1,
	integer: true,
	description: 'Input column: 0 = close, 1 = log return of close'
};

/** The rolling window parameter shared by the statistics (TTR's `n`). */
export function windowParam(defaultSize: number, min: number): ParamSpec {
	return {
		name: 'window',
		default: defaultSize,
		min,
		max: 100_000,
		integer: true,
		description: 'Bars in the rolling window'
	};
}

/** Leading NaN rows the source itself adds. */
export const sourceWarmup = (p: Params): number => (p.source === 1 ? 1 : 0);

/** The source column over a whole series. */
export function sourceValues(series: OhlcvSeries, p: Params): Float64Array {
	return p.source === 1 ? logReturn(series.close) : series.close;
}

/** The source one bar at a time (same arithmetic as `logReturn`). */
export class SourceStream {
	private readonly logReturns: boolean;
	private prev = NaN;

	constructor(p: Params) {
		this.logReturns = p.source === 1;
	}

	push(cur: number): number {
		if (!this.logReturns) return cur;
		const prev = this.prev;
		this.prev = cur;
		return prev > 0 && cur > 0 && Number.isFinite(prev) && Number.isFinite(cur)
			? Math.log(cur / prev)
			: NaN;
	}
}
