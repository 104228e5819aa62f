import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { highLowChunks } from '../statistics/kernels/rolling-extreme-column';
import { finiteRuns } from '../trend/finite-runs';

/** `williams_r`'s batch path: the kernel's arithmetic in column loops, extremes chunk by chunk. */
export function williamsRBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { high, low, close } = series;
	const out = new Float64Array(close.length);
	const runs = finiteRuns([high, low, close], [out]);
	for (let r = 0; r < runs.length; r += 2) {
		highLowChunks(high, low, runs[r], runs[r + 1], p.n, (hi, lo, from, cs, ce) =>
			fill(high, low, close, hi, lo, from, cs, ce, out)
		);
	}
	return [out];
}

function fill(
	high: Float64Array,
	low: Float64Array,
	close: Float64Array,
	hi: Int32Array,
	lo: Int32Array,
	from: number,
	start: number,
	end: number,
	out: Float64Array
): void {
	for (let i = start; i < end; i++) {
		const h = hi[i - from];
		if (h < 0) {
			out[i] = NaN;
			continue;
		}
		const hh = high[h];
		const range = hh - low[lo[i - from]];
		// A window with no range: the middle, −50 (TTR's 0.5 for 0/0).
		out[i] = range === 0 ? -50 : -100 * ((hh - close[i]) / range);
	}
}
