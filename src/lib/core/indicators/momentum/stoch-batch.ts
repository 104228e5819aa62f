import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { highLowChunks } from '../statistics/kernels/rolling-extreme-column';
import { rollingSumColumn } from '../statistics/kernels/rolling-sum-column';
import { finiteRuns } from '../trend/finite-runs';

/** `stoch`'s batch path: the kernel's arithmetic in column loops (extremes chunk by chunk). */
export function stochBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { high, low, close } = series;
	const n = close.length;
	const fastK = new Float64Array(n);
	const fastD = new Float64Array(n);
	const slowD = new Float64Array(n);
	const runs = finiteRuns([high, low, close], [fastK, fastD, slowD]);
	for (let r = 0; r < runs.length; r += 2) {
		const start = runs[r];
		const end = runs[r + 1];
		highLowChunks(high, low, start, end, p.k, (hi, lo, from, cs, ce) =>
			fillFastK(high, low, close, hi, lo, from, cs, ce, fastK)
		);
		rollingSumColumn(fastK, start, end, p.d, fastD, p.d);
		rollingSumColumn(fastD, start, end, p.slow_d, slowD, p.slow_d);
	}
	return [fastK, fastD, slowD];
}

function fillFastK(
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
		const ll = low[lo[i - from]];
		const range = hh - ll;
		// A window with no range: 50, as TTR's 0.5 for 0/0.
		out[i] = range === 0 ? 50 : 100 * ((close[i] - ll) / range);
	}
}
