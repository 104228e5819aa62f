import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { rollingMaxIndex, rollingMinIndex } from '../statistics/kernels/rolling-extreme-column';
import { finiteRuns } from '../trend/finite-runs';

/** `williams_r`'s batch path: the kernel's arithmetic in column loops. */
export function williamsRBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { high, low, close } = series;
	const out = new Float64Array(close.length);
	const hi = new Int32Array(close.length);
	const lo = new Int32Array(close.length);
	const runs = finiteRuns([high, low, close], [out]);
	for (let r = 0; r < runs.length; r += 2) {
		rollingMaxIndex(high, runs[r], runs[r + 1], p.n, hi);
		rollingMinIndex(low, runs[r], runs[r + 1], p.n, lo);
		fill(high, low, close, hi, lo, runs[r], runs[r + 1], out);
	}
	return [out];
}

function fill(
	high: Float64Array,
	low: Float64Array,
	close: Float64Array,
	hi: Int32Array,
	lo: Int32Array,
	start: number,
	end: number,
	out: Float64Array
): void {
	for (let i = start; i < end; i++) {
		const h = hi[i];
		if (h < 0) {
			out[i] = NaN;
			continue;
		}
		const hh = high[h];
		const range = hh - low[lo[i]];
		// A window with no range: the middle, −50 (TTR's 0.5 for 0/0).
		out[i] = range === 0 ? -50 : -100 * ((hh - close[i]) / range);
	}
}
