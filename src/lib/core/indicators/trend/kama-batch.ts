import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { rollingSumColumn } from '../statistics/kernels/rolling-sum-column';
import { finiteRuns } from './finite-runs';

/** `kama`'s batch path: the kernel's volatility sum as a column pass, then the adaptive EMA. */
export function kamaBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { close } = series;
	const len = close.length;
	const out = new Float64Array(len);
	const moves = new Float64Array(len);
	const vols = new Float64Array(len);
	const runs = finiteRuns([close], [out]);
	for (let r = 0; r < runs.length; r += 2) {
		const start = runs[r];
		const end = runs[r + 1];
		for (let i = start + 1; i < end; i++) moves[i] = Math.abs(close[i] - close[i - 1]);
		rollingSumColumn(moves, start + 1, end, p.n, vols);
		fill(close, vols, p, start, end, out);
	}
	return [out];
}

function fill(
	close: Float64Array,
	vols: Float64Array,
	p: Params,
	start: number,
	end: number,
	out: Float64Array
): void {
	const n = p.n;
	const fastSc = 2 / (p.fast + 1);
	const slowSc = 2 / (p.slow + 1);
	const first = Math.min(end, start + n);
	for (let i = start; i < first; i++) out[i] = NaN;
	if (first === end) return;
	let k = close[first - 1]; // the seed, KAMAₙ₋₁ = Cₙ₋₁
	for (let i = first; i < end; i++) {
		const x = close[i];
		const vol = vols[i];
		if (!Number.isFinite(vol)) {
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
