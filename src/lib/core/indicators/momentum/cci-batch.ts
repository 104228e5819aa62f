import { additionError } from '../../features/compensated-sum';
import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { finiteRuns } from '../trend/finite-runs';
import { absDeviationSum } from './abs-deviation-sum';

/**
 * `cci`'s batch path: the kernel's arithmetic in one loop per finite run — the typical prices in a
 * doubled ring (the window always contiguous, as the stream keeps it), their mean by
 * `RollingSumState`'s Neumaier add-then-remove, and the four-way `absDeviationSum` — so the output
 * is the one column allocated and every value has the stream's bits.
 */
export function cciBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { high, low, close } = series;
	const out = new Float64Array(close.length);
	const ring = new Float64Array(2 * p.n);
	const runs = finiteRuns([high, low, close], [out]);
	for (let r = 0; r < runs.length; r += 2) {
		fill(high, low, close, runs[r], runs[r + 1], p.n, p.c, ring, out);
	}
	return [out];
}

function fill(
	high: Float64Array,
	low: Float64Array,
	close: Float64Array,
	start: number,
	end: number,
	n: number,
	c: number,
	ring: Float64Array,
	out: Float64Array
): void {
	let pos = 0;
	let count = 0;
	let sum = 0;
	let comp = 0;
	for (let i = start; i < end; i++) {
		const tp = (high[i] + low[i] + close[i]) / 3;
		const old = -ring[pos]; // the value leaving, once the window is full
		ring[pos] = tp;
		ring[pos + n] = tp;
		pos = pos + 1 === n ? 0 : pos + 1;
		let t = sum + tp;
		comp += additionError(sum, tp, t);
		sum = t;
		if (count >= n) {
			t = sum + old;
			comp += additionError(sum, old, t);
			sum = t;
		} else {
			count++;
		}
		if (count < n) {
			out[i] = NaN;
			continue;
		}
		const m = (sum + comp) / n;
		const dev = absDeviationSum(ring, pos, n, m) / n;
		// Every typical price equal to the mean: no deviation, and the index is 0.
		out[i] = dev === 0 ? 0 : (tp - m) / (c * dev);
	}
}
