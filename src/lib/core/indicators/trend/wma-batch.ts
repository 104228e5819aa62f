import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { finiteRuns } from './finite-runs';

/**
 * `wma`'s batch path: the kernel's O(1) update N' = N − S + n·x, S' = S + x − xₜ₋ₙ, with both
 * recomputed exactly on the same rows as the kernel (when its ring position wraps to 0).
 */
export function wmaBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { close } = series;
	const out = new Float64Array(close.length);
	const runs = finiteRuns([close], [out]);
	for (let r = 0; r < runs.length; r += 2) fill(close, p.n, runs[r], runs[r + 1], out);
	return [out];
}

function fill(close: Float64Array, n: number, start: number, end: number, out: Float64Array): void {
	const denominator = (n * (n + 1)) / 2;
	let num = 0;
	let sum = 0;
	let pos = 0; // the kernel's ring position after this row
	for (let i = start; i < Math.min(end, start + n - 1); i++) out[i] = NaN;
	for (let i = start + n - 1; i < end; i++) {
		if (pos === 0) {
			num = 0;
			sum = 0;
			for (let j = 0; j < n; j++) {
				const x = close[i - n + 1 + j];
				num += (j + 1) * x;
				sum += x;
			}
		} else {
			const x = close[i];
			num += n * x - sum;
			sum += x - close[i - n];
		}
		pos = pos + 1 === n ? 0 : pos + 1;
		out[i] = num / denominator;
	}
}
