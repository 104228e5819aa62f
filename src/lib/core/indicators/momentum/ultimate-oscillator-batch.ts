import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { rollingSumColumn } from '../statistics/kernels/rolling-sum-column';
import { finiteRuns } from '../trend/finite-runs';

/** `ultimate_oscillator`'s batch path: the kernel's six running sums as column passes. */
export function ultimateOscillatorBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { high, low, close } = series;
	const n = close.length;
	const out = new Float64Array(n);
	const bp = new Float64Array(n);
	const tr = new Float64Array(n);
	const sb = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
	const st = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
	const windows = [p.n1, p.n2, p.n3];
	const runs = finiteRuns([high, low, close], [out]);
	for (let r = 0; r < runs.length; r += 2) {
		const start = runs[r];
		const end = runs[r + 1];
		// The first bar of a run has no true range; the sums start on the next.
		out[start] = NaN;
		fillPressure(high, low, close, start + 1, end, bp, tr);
		for (let h = 0; h < 3; h++) {
			rollingSumColumn(bp, start + 1, end, windows[h], sb[h]);
			rollingSumColumn(tr, start + 1, end, windows[h], st[h]);
		}
		combine(sb[0], st[0], sb[1], st[1], sb[2], st[2], start + 1, end, out);
	}
	return [out];
}

function fillPressure(
	high: Float64Array,
	low: Float64Array,
	close: Float64Array,
	start: number,
	end: number,
	bp: Float64Array,
	tr: Float64Array
): void {
	for (let i = start; i < end; i++) {
		const prevClose = close[i - 1];
		const trueLow = Math.min(low[i], prevClose);
		bp[i] = close[i] - trueLow;
		tr[i] = Math.max(high[i], prevClose) - trueLow;
	}
}

function combine(
	b1: Float64Array,
	t1: Float64Array,
	b2: Float64Array,
	t2: Float64Array,
	b3: Float64Array,
	t3: Float64Array,
	start: number,
	end: number,
	out: Float64Array
): void {
	for (let i = start; i < end; i++) {
		// Σ TR = 0 means flat bars at one price: that horizon reads 0.5, the middle of its range.
		const a1 = t1[i] === 0 ? 0.5 : b1[i] / t1[i];
		const a2 = t2[i] === 0 ? 0.5 : b2[i] / t2[i];
		const a3 = t3[i] === 0 ? 0.5 : b3[i] / t3[i];
		out[i] = (100 * (4 * a1 + 2 * a2 + a3)) / 7;
	}
}
