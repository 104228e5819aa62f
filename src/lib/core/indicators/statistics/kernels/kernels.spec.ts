import { describe, expect, it } from 'vitest';
import { CounterRng } from '../../../random/philox';
import { RollingExtreme } from './rolling-extreme';
import { RollingMoments } from './rolling-moments';
import { SortedWindow } from './sorted-window';

/** Prices with many exact ties (rounded to 0.5) and a missing value every 97 bars. */
function prices(n: number, seed: number): Float64Array {
	const rng = new CounterRng(seed);
	const x = new Float64Array(n);
	let p = 100;
	for (let i = 0; i < n; i++) {
		p += rng.normal();
		x[i] = i % 97 === 96 ? NaN : Math.round(p * 2) / 2;
	}
	return x;
}

/** The finite window of `w` values ending at i, or null while warming up after a gap. */
function windowAt(x: Float64Array, i: number, w: number): number[] | null {
	if (i + 1 < w) return null;
	const win = Array.from(x.subarray(i + 1 - w, i + 1));
	return win.every(Number.isFinite) ? win : null;
}

describe('window kernels', () => {
	const x = prices(2000, 7);

	it('RollingExtreme gives the brute-force max and min, ties and gaps included', () => {
		for (const w of [1, 3, 20]) {
			const hi = new RollingExtreme(w, 'max');
			const lo = new RollingExtreme(w, 'min');
			for (let i = 0; i < x.length; i++) {
				const win = windowAt(x, i, w);
				expect(hi.push(x[i])).toEqual(win ? Math.max(...win) : NaN);
				expect(lo.push(x[i])).toEqual(win ? Math.min(...win) : NaN);
			}
		}
	});

	it('SortedWindow gives the type-7 quantile of a sorted copy, duplicates included', () => {
		for (const w of [1, 4, 15]) {
			const s = new SortedWindow(w);
			for (let i = 0; i < x.length; i++) {
				const full = s.push(x[i]);
				const win = windowAt(x, i, w);
				expect(full).toBe(win !== null);
				if (!win) continue;
				const sorted = win.sort((a, b) => a - b);
				const h = (w - 1) * 0.3;
				const lo = Math.floor(h);
				const q = sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]);
				expect(s.quantile(0.3)).toBeCloseTo(q, 12);
			}
		}
	});

	it('RollingMoments keeps its accuracy when the mean is far larger than the spread', () => {
		// Prices near 1e6 moving by about 1: raw power sums would lose every digit of m4.
		const rng = new CounterRng(3);
		const w = 20;
		const m = new RollingMoments(w);
		const xs: number[] = [];
		let worst = 0;
		for (let i = 0; i < 5000; i++) {
			const v = 1e6 + i * 0.01 + rng.normal();
			xs.push(v);
			if (!m.push(v)) continue;
			const win = xs.slice(-w);
			const mean = win.reduce((a, b) => a + b, 0) / w;
			const cm = (k: number) => win.reduce((a, b) => a + (b - mean) ** k, 0) / w;
			worst = Math.max(
				worst,
				Math.abs(m.m2 - cm(2)) / cm(2),
				Math.abs(m.m3 - cm(3)) / cm(2) ** 1.5,
				Math.abs(m.m4 - cm(4)) / cm(4)
			);
		}
		expect(worst).toBeLessThan(1e-8);
	});

	it('RollingMoments flags a constant window as degenerate', () => {
		const m = new RollingMoments(5);
		for (const v of [3.1, 3.1, 3.1, 3.1, 3.1]) m.push(v);
		expect(m.degenerate).toBe(true);
	});
});
