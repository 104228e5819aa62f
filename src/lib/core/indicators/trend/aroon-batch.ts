import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { highLowChunks } from '../statistics/kernels/rolling-extreme-column';
import { finiteRuns } from './finite-runs';

/** `aroon`'s batch path: the kernel's arithmetic in column loops. */
export function aroonBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { high, low } = series;
	const len = high.length;
	const up = new Float64Array(len);
	const down = new Float64Array(len);
	const osc = new Float64Array(len);
	const runs = finiteRuns([high, low], [up, down, osc]);
	for (let r = 0; r < runs.length; r += 2) {
		highLowChunks(high, low, runs[r], runs[r + 1], p.n + 1, (hi, lo, from, cs, ce) =>
			fill(hi, lo, from, p.n, cs, ce, up, down, osc)
		);
	}
	return [up, down, osc];
}

function fill(
	hi: Int32Array,
	lo: Int32Array,
	from: number,
	n: number,
	start: number,
	end: number,
	up: Float64Array,
	down: Float64Array,
	osc: Float64Array
): void {
	for (let i = start; i < end; i++) {
		const h = hi[i - from];
		if (h < 0) {
			up[i] = down[i] = osc[i] = NaN;
			continue;
		}
		const u = (100 * (n - (i - h))) / n;
		const d = (100 * (n - (i - lo[i - from]))) / n;
		up[i] = u;
		down[i] = d;
		osc[i] = u - d;
	}
}
