import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { rollingSumColumn } from '../statistics/kernels/rolling-sum-column';
import { finiteRuns } from '../trend/finite-runs';

/** `cci`'s batch path: typical prices and their SMA as columns, then the O(n) mean deviation. */
export function cciBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { high, low, close } = series;
	const len = close.length;
	const out = new Float64Array(len);
	const tp = new Float64Array(len);
	const mean = new Float64Array(len);
	const runs = finiteRuns([high, low, close], [out]);
	for (let r = 0; r < runs.length; r += 2) {
		const start = runs[r];
		const end = runs[r + 1];
		for (let i = start; i < end; i++) tp[i] = (high[i] + low[i] + close[i]) / 3;
		rollingSumColumn(tp, start, end, p.n, mean, p.n);
		fill(tp, mean, p.n, p.c, start, end, out);
	}
	return [out];
}

/**
 * The kernel sums |TPᵢ − M| over its ring in slot order (slot j holds the run's rows ≡ j mod n),
 * not in time order; the two inner loops visit rows in that same order so the sum rounds the same.
 */
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
		const oldest = i - n + 1;
		const split = i + 1 - ((oldest - start) % n); // the row in slot 0
		let dev = 0;
		for (let j = split; j <= i; j++) dev += Math.abs(tp[j] - m);
		for (let j = oldest; j < split; j++) dev += Math.abs(tp[j] - m);
		dev /= n;
		// Every typical price equal to the mean: no deviation, and the index is 0.
		out[i] = dev === 0 ? 0 : (tp[i] - m) / (c * dev);
	}
}
