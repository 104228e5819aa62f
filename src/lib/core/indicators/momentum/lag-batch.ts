import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { finiteRuns } from '../trend/finite-runs';

/** `roc`'s batch path: 100 (Cₜ / Cₜ₋ₙ − 1) within each finite run, 0 on a zero base. */
export function rocBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { close } = series;
	const out = new Float64Array(close.length);
	const runs = finiteRuns([close], [out]);
	for (let r = 0; r < runs.length; r += 2) fillRoc(close, p.n, runs[r], runs[r + 1], out);
	return [out];
}

/** `momentum`'s batch path: Cₜ − Cₜ₋ₙ within each finite run. */
export function momentumBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { close } = series;
	const out = new Float64Array(close.length);
	const runs = finiteRuns([close], [out]);
	for (let r = 0; r < runs.length; r += 2) fillMomentum(close, p.n, runs[r], runs[r + 1], out);
	return [out];
}

function fillRoc(x: Float64Array, n: number, start: number, end: number, out: Float64Array) {
	const first = Math.min(end, start + n);
	for (let i = start; i < first; i++) out[i] = NaN;
	for (let i = first; i < end; i++) {
		const old = x[i - n];
		// A zero base price has no rate: 0, as TA-Lib.
		out[i] = old === 0 ? 0 : 100 * (x[i] / old - 1);
	}
}

function fillMomentum(x: Float64Array, n: number, start: number, end: number, out: Float64Array) {
	const first = Math.min(end, start + n);
	for (let i = start; i < first; i++) out[i] = NaN;
	for (let i = first; i < end; i++) out[i] = x[i] - x[i - n];
}
