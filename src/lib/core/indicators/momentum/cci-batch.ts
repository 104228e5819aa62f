import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { rollingSumColumn } from '../statistics/kernels/rolling-sum-column';
import { finiteRuns } from '../trend/finite-runs';
import { absDeviationSum } from './abs-deviation-sum';

/** `cci`'s batch path: typical prices and their SMA as columns, then the O(n) mean deviation. */
export function cciBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { high, low, close } = series;
	const len = close.length;
	const out = new Float64Array(len);
	const tp = new Float64Array(len);
	const runs = finiteRuns([high, low, close], [out]);
	for (let r = 0; r < runs.length; r += 2) {
		const start = runs[r];
		const end = runs[r + 1];
		for (let i = start; i < end; i++) tp[i] = (high[i] + low[i] + close[i]) / 3;
		// The SMA goes into `out` first: row i's mean is read just before row i's CCI replaces it.
		rollingSumColumn(tp, start, end, p.n, out, p.n);
		fill(tp, out, p.n, p.c, start, end, out);
	}
	return [out];
}

function fill(
	tp: Float64Array,
	mean: Float64Array,
	n: number,
	c: number,
	start: number,
	end: number,
	out: Float64Array
): void {
	const first = Math.min(end, start + n - 1);
	for (let i = start; i < first; i++) out[i] = NaN;
	for (let i = first; i < end; i++) {
		const m = mean[i];
		const dev = absDeviationSum(tp, i - n + 1, n, m) / n;
		// Every typical price equal to the mean: no deviation, and the index is 0.
		out[i] = dev === 0 ? 0 : (tp[i] - m) / (c * dev);
	}
}
