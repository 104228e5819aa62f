import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { finiteRuns } from './finite-runs';

/** `adx`'s batch path: the kernel's Wilder sums and DX smoothing in locals, one loop per run. */
export function adxBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { high, low, close } = series;
	const len = close.length;
	const n = p.n;
	const adx = new Float64Array(len);
	const plus = new Float64Array(len);
	const minus = new Float64Array(len);
	const dxs = new Float64Array(len);
	const runs = finiteRuns([high, low, close], [adx, plus, minus, dxs]);
	for (let r = 0; r < runs.length; r += 2) {
		fill(high, low, close, n, runs[r], runs[r + 1], adx, plus, minus, dxs);
	}
	return [adx, plus, minus, dxs];
}

function fill(
	high: Float64Array,
	low: Float64Array,
	close: Float64Array,
	n: number,
	start: number,
	end: number,
	adx: Float64Array,
	plus: Float64Array,
	minus: Float64Array,
	dxs: Float64Array
): void {
	const keep = (n - 1) / n;
	const alpha = 1 / n;
	adx[start] = plus[start] = minus[start] = dxs[start] = NaN;
	let sums = 0; // values summed into the Wilder seeds
	let trS = 0;
	let plusS = 0;
	let minusS = 0;
	let dxCount = 0; // finite DX values seen by the ADX average
	let seed = 0;
	let e = 0;
	for (let i = start + 1; i < end; i++) {
		const h = high[i];
		const l = low[i];
		const prevClose = close[i - 1];
		const up = h - high[i - 1];
		const down = low[i - 1] - l;
		const neither = up === down || (up < 0 && down < 0);
		const tr = Math.max(h, prevClose) - Math.min(l, prevClose);
		const pdm = !neither && up > down ? up : 0;
		const mdm = !neither && down > up ? down : 0;
		if (sums < n - 1) {
			trS += tr;
			plusS += pdm;
			minusS += mdm;
			sums++;
			adx[i] = plus[i] = minus[i] = dxs[i] = NaN;
			continue;
		}
		trS = tr + trS * keep;
		plusS = pdm + plusS * keep;
		minusS = mdm + minusS * keep;
		// A window of identical flat bars has no range: its DIs are 0, and DX of 0/0 is 0.
		const plusDi = trS === 0 ? 0 : (100 * plusS) / trS;
		const minusDi = trS === 0 ? 0 : (100 * minusS) / trS;
		const diSum = plusDi + minusDi;
		const dx = diSum === 0 ? 0 : 100 * (Math.abs(plusDi - minusDi) / diSum);
		let a = NaN;
		if (dxCount < n) {
			seed += dx;
			dxCount++;
			if (dxCount === n) a = e = seed / n;
		} else {
			a = e += alpha * (dx - e);
		}
		adx[i] = a;
		plus[i] = plusDi;
		minus[i] = minusDi;
		dxs[i] = dx;
	}
}
