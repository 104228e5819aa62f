import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { finiteRuns } from '../trend/finite-runs';

/** `rsi`'s batch path: the kernel's two Wilder averages (`EmaState`, α = 1/n) in locals. */
export function rsiBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { close } = series;
	const out = new Float64Array(close.length);
	const runs = finiteRuns([close], [out]);
	for (let r = 0; r < runs.length; r += 2) fill(close, p.n, runs[r], runs[r + 1], out);
	return [out];
}

function fill(close: Float64Array, n: number, start: number, end: number, out: Float64Array): void {
	const alpha = 1 / n;
	out[start] = NaN; // the first bar has no change
	let count = 0;
	let gSeed = 0;
	let lSeed = 0;
	let g = 0;
	let l = 0;
	for (let i = start + 1; i < end; i++) {
		const change = close[i] - close[i - 1];
		const gain = change > 0 ? change : 0;
		const loss = change < 0 ? -change : 0;
		if (count < n) {
			gSeed += gain;
			lSeed += loss;
			count++;
			if (count < n) {
				out[i] = NaN;
				continue;
			}
			g = gSeed / n;
			l = lSeed / n;
		} else {
			g += alpha * (gain - g);
			l += alpha * (loss - l);
		}
		// No movement at all over the smoothing memory: neutral 50 rather than 0/0.
		out[i] = g + l === 0 ? 50 : (100 * g) / (g + l);
	}
}
