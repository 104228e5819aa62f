import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { rollingMaxIndex, rollingMinIndex } from '../statistics/kernels/rolling-extreme-column';
import { finiteRuns } from './finite-runs';

/** `aroon`'s batch path: the kernel's arithmetic in column loops. */
export function aroonBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { high, low } = series;
	const len = high.length;
	const up = new Float64Array(len);
	const down = new Float64Array(len);
	const osc = new Float64Array(len);
	const hi = new Int32Array(len);
	const lo = new Int32Array(len);
	const runs = finiteRuns([high, low], [up, down, osc]);
	for (let r = 0; r < runs.length; r += 2) {
		rollingMaxIndex(high, runs[r], runs[r + 1], p.n + 1, hi);
		rollingMinIndex(low, runs[r], runs[r + 1], p.n + 1, lo);
		fill(hi, lo, p.n, runs[r], runs[r + 1], up, down, osc);
	}
	return [up, down, osc];
}

function fill(
	hi: Int32Array,
	lo: Int32Array,
	n: number,
	start: number,
	end: number,
	up: Float64Array,
	down: Float64Array,
	osc: Float64Array
): void {
	for (let i = start; i < end; i++) {
		if (hi[i] < 0) {
			up[i] = down[i] = osc[i] = NaN;
			continue;
		}
		const u = (100 * (n - (i - hi[i]))) / n;
		const d = (100 * (n - (i - lo[i]))) / n;
		up[i] = u;
		down[i] = d;
		osc[i] = u - d;
	}
}
