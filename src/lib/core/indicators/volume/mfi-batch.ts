import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { additionError } from '../../features/compensated-sum';

/**
 * `mfi`'s batch path: `MfiStream`'s per-bar flows and its four running sums in one pass (the money
 * flows with `RollingSumState`'s Neumaier arithmetic; the up/down counts as plain integers, which
 * is what the compensated sums of 0s and 1s are, exactly). The flows and move directions of the
 * rows still in the window live in rings of a power-of-two size above the window, so the output is
 * the one column allocated (was 9 columns and five passes: ~50 → ~25 ms on 1M bars).
 */
export function mfiBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { high, low, close, volume } = series;
	const out = new Float64Array(close.length);
	fill(high, low, close, volume, p.period, out);
	return [out];
}

function fill(
	high: Float64Array,
	low: Float64Array,
	close: Float64Array,
	volume: Float64Array,
	w: number,
	out: Float64Array
): void {
	const mask = 2 ** Math.ceil(Math.log2(w + 1)) - 1;
	const posFlow = new Float64Array(mask + 1);
	const negFlow = new Float64Array(mask + 1);
	const move = new Int8Array(mask + 1); // +1 up, −1 down, 0 neither
	let prev = NaN;
	let count = 0; // rows in the window since the last missing one
	let pos = 0;
	let posC = 0;
	let neg = 0;
	let negC = 0;
	let ups = 0;
	let downs = 0;
	for (let i = 0; i < close.length; i++) {
		const tp = (high[i] + low[i] + close[i]) / 3;
		const mf = tp * volume[i];
		const last = prev;
		prev = tp;
		if (!(Number.isFinite(mf) && Number.isFinite(last))) {
			// A missing flow empties every window, as NaN does in the kernel's sums.
			count = pos = posC = neg = negC = ups = downs = 0;
			out[i] = NaN;
			continue;
		}
		// A relative change below 1e-12 is a tie, not a move (see `MfiStream`).
		const moved = Math.abs(tp - last) > 1e-12 * Math.abs(last);
		const u = moved && tp > last ? 1 : 0;
		const d = moved && tp < last ? 1 : 0;
		const pf = u * mf;
		const nf = d * mf;
		posFlow[i & mask] = pf;
		negFlow[i & mask] = nf;
		move[i & mask] = u - d;
		let t = pos + pf;
		posC += additionError(pos, pf, t);
		pos = t;
		t = neg + nf;
		negC += additionError(neg, nf, t);
		neg = t;
		ups += u;
		downs += d;
		if (count >= w) {
			const j = (i - w) & mask;
			const op = -posFlow[j];
			t = pos + op;
			posC += additionError(pos, op, t);
			pos = t;
			const on = -negFlow[j];
			t = neg + on;
			negC += additionError(neg, on, t);
			neg = t;
			const m = move[j];
			if (m > 0) ups--;
			else if (m < 0) downs--;
		} else {
			count++;
		}
		if (count < w) out[i] = NaN;
		else if (downs === 0) out[i] = ups === 0 ? 50 : 100;
		else out[i] = 100 - 100 / (1 + (pos + posC) / (neg + negC));
	}
}
