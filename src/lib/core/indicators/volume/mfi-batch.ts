import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { rollingSumColumn } from '../statistics/kernels/rolling-sum-column';

/** `mfi`'s batch path: `MfiStream`'s per-bar flows as columns, its four running sums as passes. */
export function mfiBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { high, low, close, volume } = series;
	const n = close.length;
	const w = p.period;
	const posFlow = new Float64Array(n);
	const negFlow = new Float64Array(n);
	const up = new Float64Array(n);
	const down = new Float64Array(n);
	fillFlows(high, low, close, volume, posFlow, negFlow, up, down);
	const num = new Float64Array(n);
	const den = new Float64Array(n);
	const ups = new Float64Array(n);
	const downs = new Float64Array(n);
	rollingSumColumn(posFlow, 0, n, w, num);
	rollingSumColumn(negFlow, 0, n, w, den);
	rollingSumColumn(up, 0, n, w, ups);
	rollingSumColumn(down, 0, n, w, downs);
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		if (Number.isNaN(ups[i])) out[i] = NaN;
		else if (downs[i] === 0) out[i] = ups[i] === 0 ? 50 : 100;
		else out[i] = 100 - 100 / (1 + num[i] / den[i]);
	}
	return [out];
}

function fillFlows(
	high: Float64Array,
	low: Float64Array,
	close: Float64Array,
	volume: Float64Array,
	posFlow: Float64Array,
	negFlow: Float64Array,
	up: Float64Array,
	down: Float64Array
): void {
	let prev = NaN;
	for (let i = 0; i < close.length; i++) {
		const tp = (high[i] + low[i] + close[i]) / 3;
		const mf = tp * volume[i];
		const ok = Number.isFinite(mf) && Number.isFinite(prev);
		// A relative change below 1e-12 is a tie, not a move (see `MfiStream`).
		const moved = Math.abs(tp - prev) > 1e-12 * Math.abs(prev);
		const u = ok ? (moved && tp > prev ? 1 : 0) : NaN;
		const d = ok ? (moved && tp < prev ? 1 : 0) : NaN;
		posFlow[i] = u * mf;
		negFlow[i] = d * mf;
		up[i] = u;
		down[i] = d;
		prev = tp;
	}
}
