import { describe, expect, it } from 'vitest';
import { makeWindows } from './make-windows';
import { nextLogReturn } from './next-log-return';

const f32 = (...v: number[]) => Float32Array.from(v);

describe('makeWindows', () => {
	it('lays samples out row-major as samples × window × nFeatures', () => {
		const w = makeWindows({
			features: [f32(0, 1, 2, 3, 4), f32(10, 11, 12, 13, 14)],
			target: f32(100, 101, 102, 103, 104),
			window: 3
		});
		expect(w.samples).toBe(3);
		expect(Array.from(w.index)).toEqual([2, 3, 4]);
		expect(Array.from(w.x.subarray(0, 6))).toEqual([0, 10, 1, 11, 2, 12]);
		expect(Array.from(w.x.subarray(12, 18))).toEqual([2, 12, 3, 13, 4, 14]);
		expect(Array.from(w.y)).toEqual([102, 103, 104]);
		expect([w.window, w.nFeatures]).toEqual([3, 2]);
	});
	it('starts the first window at row start', () => {
		const w = makeWindows({
			features: [f32(0, 1, 2, 3, 4, 5)],
			target: f32(0, 1, 2, 3, 4, 5),
			window: 2,
			start: 3
		});
		expect(Array.from(w.index)).toEqual([4, 5]);
		expect(Array.from(w.x.subarray(0, 2))).toEqual([3, 4]);
	});
	it('drops samples with a NaN anywhere in the window or in the label', () => {
		const w = makeWindows({
			features: [f32(NaN, 1, 2, 3, Infinity, 5, 6, 7)],
			target: f32(0, 1, 2, 3, 4, 5, 6, NaN),
			window: 2
		});
		// Row 1's window holds row 0 (NaN); rows 4 and 5 hold row 4 (Infinity); row 7 has no label.
		expect(Array.from(w.index)).toEqual([2, 3, 6]);
		expect(w.x.every(Number.isFinite)).toBe(true);
	});
	it('labels the sample at row t with log(close[t+1] / close[t])', () => {
		const close = Float64Array.from({ length: 50 }, (_, t) => 100 * Math.exp(Math.sin(t)));
		const w = makeWindows({
			features: [Float32Array.from(close)],
			target: nextLogReturn(close),
			window: 5
		});
		expect(w.samples).toBe(45); // rows 4 … 48; row 49 has no next bar
		for (let i = 0; i < w.samples; i++) {
			const t = w.index[i];
			expect(w.y[i]).toBeCloseTo(Math.log(close[t + 1] / close[t]), 6);
		}
	});
	it('does not look ahead: changing data after row t leaves sample t unchanged', () => {
		const n = 40;
		const window = 6;
		const close = Float64Array.from({ length: n }, (_, t) => 50 + t + 3 * Math.cos(t));
		const feature = (c: Float64Array) =>
			Float32Array.from(c, (v, t) => (t === 0 ? NaN : Math.log(v / c[t - 1])));
		const before = makeWindows({
			features: [feature(close), Float32Array.from(close)],
			target: nextLogReturn(close),
			window
		});
		const t = 20;
		const changed = close.slice();
		for (let r = t + 1; r < n; r++) changed[r] *= 1.5 + r; // everything after row t, including close[t + 1]
		const after = makeWindows({
			features: [feature(changed), Float32Array.from(changed)],
			target: nextLogReturn(changed),
			window
		});
		const i = before.index.indexOf(t);
		expect(after.index[i]).toBe(t);
		const stride = window * 2;
		expect(after.x.subarray(i * stride, (i + 1) * stride)).toEqual(
			before.x.subarray(i * stride, (i + 1) * stride)
		);
		// Only the label, which is the future by definition, moves.
		expect(after.y[i]).not.toBe(before.y[i]);
	});
	it('refuses columns of different lengths', () => {
		expect(() => makeWindows({ features: [f32(1, 2)], target: f32(1, 2, 3), window: 1 })).toThrow(
			'feature 0 has 2 rows, target has 3'
		);
	});
	it('refuses a window below 1', () => {
		expect(() => makeWindows({ features: [f32(1)], target: f32(1), window: 0 })).toThrow(
			RangeError
		);
	});
});
