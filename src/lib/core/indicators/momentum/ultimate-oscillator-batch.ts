import type { OhlcvSeries } from '../../ohlcv';
import type { Params } from '../indicator';
import { rollingSumColumn } from '../statistics/kernels/rolling-sum-column';
import { finiteRuns } from '../trend/finite-runs';
import { additionError } from '../../features/compensated-sum';

/**
 * `ultimate_oscillator`'s batch path: the kernel's six running sums, all in one pass over each run
 * (the six Neumaier chains and the combination per row). BP and TR are kept only for the rows
 * still inside the longest window (a ring), so the output is the one column allocated: 9 → 1
 * columns of memory and one loop instead of seven (~57 → ~30 ms on 1M bars). A run whose BP or
 * TR overflows takes the six column passes instead, whose NaN rule handles it as the kernel does.
 */
export function ultimateOscillatorBatch(series: OhlcvSeries, p: Params): Float64Array[] {
	const { high, low, close } = series;
	const out = new Float64Array(close.length);
	const runs = finiteRuns([high, low, close], [out]);
	for (let r = 0; r < runs.length; r += 2) {
		const start = runs[r];
		const end = runs[r + 1];
		// The first bar of a run has no true range; the sums start on the next.
		out[start] = NaN;
		if (pressureFinite(high, low, close, start + 1, end)) {
			fusedSums(high, low, close, start + 1, end, p.n1, p.n2, p.n3, out);
		} else {
			const bp = new Float64Array(close.length);
			const tr = new Float64Array(close.length);
			for (let i = start + 1; i < end; i++) {
				bp[i] = buyingPressure(low[i], close[i], close[i - 1]);
				tr[i] = trueRangeOf(high[i], low[i], close[i - 1]);
			}
			columnSums(bp, tr, start + 1, end, [p.n1, p.n2, p.n3], out);
		}
	}
	return [out];
}

/** BP = C − min(L, C₋₁). */
function buyingPressure(low: number, close: number, prevClose: number): number {
	return close - Math.min(low, prevClose);
}

/** TR = max(H, C₋₁) − min(L, C₋₁). */
function trueRangeOf(high: number, low: number, prevClose: number): number {
	return Math.max(high, prevClose) - Math.min(low, prevClose);
}

/** Whether BP and TR are finite on every row of [start, end) (finite inputs can still overflow). */
function pressureFinite(
	high: Float64Array,
	low: Float64Array,
	close: Float64Array,
	start: number,
	end: number
): boolean {
	let gap = 0;
	for (let i = start; i < end; i++) {
		const b = buyingPressure(low[i], close[i], close[i - 1]);
		const t = trueRangeOf(high[i], low[i], close[i - 1]);
		gap += b - b + (t - t);
	}
	return gap === 0;
}

/**
 * Six windows over all-finite rows [start, end): each sum adds the new value, then removes the one
 * leaving, with `RollingSumState`'s arithmetic, so every sum has the kernel's bits. BP and TR of
 * the rows still in a window live in rings of a power-of-two size above the longest window.
 */
function fusedSums(
	high: Float64Array,
	low: Float64Array,
	close: Float64Array,
	start: number,
	end: number,
	n1: number,
	n2: number,
	n3: number,
	out: Float64Array
): void {
	const longest = Math.max(n1, n2, n3);
	const ready = longest - 1; // rows seen before all three windows are full
	const mask = 2 ** Math.ceil(Math.log2(longest + 1)) - 1;
	const bp = new Float64Array(mask + 1);
	const tr = new Float64Array(mask + 1);
	let b1 = 0;
	let cb1 = 0;
	let t1 = 0;
	let ct1 = 0;
	let b2 = 0;
	let cb2 = 0;
	let t2 = 0;
	let ct2 = 0;
	let b3 = 0;
	let cb3 = 0;
	let t3 = 0;
	let ct3 = 0;
	for (let i = start; i < end; i++) {
		const seen = i - start;
		const b = buyingPressure(low[i], close[i], close[i - 1]);
		const r = trueRangeOf(high[i], low[i], close[i - 1]);
		bp[i & mask] = b;
		tr[i & mask] = r;
		let s = b1 + b;
		cb1 += additionError(b1, b, s);
		b1 = s;
		s = b2 + b;
		cb2 += additionError(b2, b, s);
		b2 = s;
		s = b3 + b;
		cb3 += additionError(b3, b, s);
		b3 = s;
		s = t1 + r;
		ct1 += additionError(t1, r, s);
		t1 = s;
		s = t2 + r;
		ct2 += additionError(t2, r, s);
		t2 = s;
		s = t3 + r;
		ct3 += additionError(t3, r, s);
		t3 = s;
		if (seen >= n1) {
			const ob = -bp[(i - n1) & mask];
			const or = -tr[(i - n1) & mask];
			s = b1 + ob;
			cb1 += additionError(b1, ob, s);
			b1 = s;
			s = t1 + or;
			ct1 += additionError(t1, or, s);
			t1 = s;
		}
		if (seen >= n2) {
			const ob = -bp[(i - n2) & mask];
			const or = -tr[(i - n2) & mask];
			s = b2 + ob;
			cb2 += additionError(b2, ob, s);
			b2 = s;
			s = t2 + or;
			ct2 += additionError(t2, or, s);
			t2 = s;
		}
		if (seen >= n3) {
			const ob = -bp[(i - n3) & mask];
			const or = -tr[(i - n3) & mask];
			s = b3 + ob;
			cb3 += additionError(b3, ob, s);
			b3 = s;
			s = t3 + or;
			ct3 += additionError(t3, or, s);
			t3 = s;
		}
		if (seen < ready) {
			out[i] = NaN;
			continue;
		}
		const sb1 = b1 + cb1;
		const st1 = t1 + ct1;
		const sb2 = b2 + cb2;
		const st2 = t2 + ct2;
		const sb3 = b3 + cb3;
		const st3 = t3 + ct3;
		out[i] = oscillator(sb1, st1, sb2, st2, sb3, st3);
	}
}

// Σ TR = 0 means flat bars at one price: that horizon reads 0.5, the middle of its range.
function oscillator(
	b1: number,
	t1: number,
	b2: number,
	t2: number,
	b3: number,
	t3: number
): number {
	const a1 = t1 === 0 ? 0.5 : b1 / t1;
	const a2 = t2 === 0 ? 0.5 : b2 / t2;
	const a3 = t3 === 0 ? 0.5 : b3 / t3;
	return (100 * (4 * a1 + 2 * a2 + a3)) / 7;
}

function columnSums(
	bp: Float64Array,
	tr: Float64Array,
	start: number,
	end: number,
	windows: number[],
	out: Float64Array
): void {
	const n = out.length;
	const sb = windows.map(() => new Float64Array(n));
	const st = windows.map(() => new Float64Array(n));
	for (let h = 0; h < 3; h++) {
		rollingSumColumn(bp, start, end, windows[h], sb[h]);
		rollingSumColumn(tr, start, end, windows[h], st[h]);
	}
	combine(sb[0], st[0], sb[1], st[1], sb[2], st[2], start, end, out);
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
	for (let i = start; i < end; i++) out[i] = oscillator(b1[i], t1[i], b2[i], t2[i], b3[i], t3[i]);
}
