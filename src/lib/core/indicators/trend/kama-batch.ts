import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { finiteRuns } from './finite-runs';

/**
 * `kama`'s batch path: the kernel's arithmetic in one loop per finite run — the volatility Σ|ΔC|
 * over n bars by `RollingSumState`'s Neumaier add-then-remove (the moves still in the window in a
 * power-of-two ring), then the adaptive EMA — so the output is the one column allocated.
 */
export function kamaBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { close } = series;
	const out = new Float64Array(close.length);
	const mask = 2 ** Math.ceil(Math.log2(p.n + 1)) - 1;
	const moves = new Float64Array(mask + 1);
	const runs = finiteRuns([close], [out]);
	for (let r = 0; r < runs.length; r += 2) fill(close, p, runs[r], runs[r + 1], moves, mask, out);
	return [out];
}

function fill(
	close: Float64Array,
	p: Params,
	start: number,
	end: number,
	moves: Float64Array,
	mask: number,
	out: Float64Array
): void {
	const n = p.n;
	const fastSc = 2 / (p.fast + 1);
	const slowSc = 2 / (p.slow + 1);
	const first = Math.min(end, start + n);
	for (let i = start; i < first; i++) out[i] = NaN;
	let count = 0;
	let sum = 0;
	let comp = 0;
	let k = close[first - 1]; // the seed, KAMAₙ₋₁ = Cₙ₋₁
	for (let i = start + 1; i < end; i++) {
		const x = close[i];
		const move = Math.abs(x - close[i - 1]);
		let vol = NaN;
		if (move - move !== 0) {
			// A move that overflows empties the window, as a non-finite value does in the kernel.
			count = sum = comp = 0;
		} else {
			// `additionError` written out: as a call it measured ~20% slower in this loop.
			let t = sum + move;
			comp += Math.abs(sum) >= Math.abs(move) ? sum - t + move : move - t + sum;
			sum = t;
			if (count >= n) {
				const old = -moves[(i - n) & mask];
				t = sum + old;
				comp += Math.abs(sum) >= Math.abs(old) ? sum - t + old : old - t + sum;
				sum = t;
			} else {
				count++;
			}
			if (count >= n) vol = sum + comp;
		}
		moves[i & mask] = move;
		if (i < first) continue;
		if (vol - vol !== 0) {
			out[i] = NaN;
			continue;
		}
		// ER is 1 on a flat window (TA-Lib); the clamp only absorbs rounding of Σ|ΔC| < |Cₜ − Cₜ₋ₙ|.
		const er = vol === 0 ? 1 : Math.min(1, Math.abs(x - close[i - n]) / vol);
		const sc = (er * (fastSc - slowSc) + slowSc) ** 2;
		k += sc * (x - k);
		out[i] = k;
	}
}
