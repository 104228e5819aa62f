import { describe, expect, it } from 'vitest';
import { CounterRng } from '../../../random/philox';
import { rollingMaxIndex, rollingMinIndex } from './rolling-extreme-column';

/**
 * The index of the extreme of x[i − w + 1 .. i] by a plain scan, the latest row on ties; −1 while
 * fewer than w finite values follow the last non-finite one. The definition the block scheme keeps.
 */
function scanIndex(x: Float64Array, start: number, i: number, w: number, max: boolean): number {
	if (i - w + 1 < start) return -1;
	let at = -1;
	for (let j = i - w + 1; j <= i; j++) {
		if (!Number.isFinite(x[j])) return -1;
		if (at < 0 || (max ? x[j] >= x[at] : x[j] <= x[at])) at = j;
	}
	return at;
}

/** Values with many ties (0, −0, small integers), NaN and ±∞ gaps, and smooth stretches. */
function awkward(n: number, seed: number): Float64Array {
	const rng = new CounterRng(seed);
	const pick = [NaN, Infinity, -Infinity, 0, -0, 1, 2, 2];
	return Float64Array.from({ length: n }, (_, i) => {
		const u = rng.uniform();
		if (u < 0.25) return pick[Math.floor(rng.uniform() * pick.length)];
		return i % 50 < 25 ? Math.round(rng.normal() * 3) : rng.normal();
	});
}

describe('rollingMaxIndex / rollingMinIndex (van Herk / Gil-Werman blocks)', () => {
	it('give the scan’s index, ties to the latest row, on every window, range and gap', () => {
		for (let seed = 1; seed <= 6; seed++) {
			const x = awkward(400, seed);
			for (const w of [1, 2, 3, 7, 16, 41]) {
				for (const [start, end] of [
					[0, 400],
					[13, 377],
					[200, 203]
				]) {
					const hi = new Int32Array(400).fill(-9);
					const lo = new Int32Array(400).fill(-9);
					rollingMaxIndex(x, start, end, w, hi);
					rollingMinIndex(x, start, end, w, lo);
					for (let i = start; i < end; i++) {
						// Within [start, end) the window may not reach before `start`, nor past a gap.
						let runStart = start;
						for (let j = start; j <= i; j++) if (!Number.isFinite(x[j])) runStart = j + 1;
						const want = (max: boolean) =>
							i - w + 1 < runStart ? -1 : scanIndex(x, runStart, i, w, max);
						expect(hi[i], `max w=${w} i=${i}`).toBe(want(true));
						expect(lo[i], `min w=${w} i=${i}`).toBe(want(false));
					}
					// Rows outside [start, end) are left alone.
					if (start > 0) expect(hi[start - 1]).toBe(-9);
				}
			}
		}
	});
});

describe('chunked scans (offset)', () => {
	it('give the full scan’s indices chunk by chunk, each chunk started w − 1 rows early', () => {
		const x = awkward(1000, 9);
		for (const w of [1, 4, 13]) {
			const full = new Int32Array(1000);
			rollingMaxIndex(x, 0, 1000, w, full);
			const chunk = 64;
			const buf = new Int32Array(chunk + w);
			for (let cs = 0; cs < 1000; cs += chunk) {
				const ce = Math.min(cs + chunk, 1000);
				const from = Math.max(0, cs - w + 1);
				buf.fill(-9);
				rollingMaxIndex(x, from, ce, w, buf, from);
				for (let i = cs; i < ce; i++) expect(buf[i - from], `w=${w} i=${i}`).toBe(full[i]);
			}
		}
	});
});
