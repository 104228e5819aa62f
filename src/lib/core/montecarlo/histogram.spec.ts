import { describe, expect, it } from 'vitest';
import { histogramCounts, histogramQuantile, autoHistogram } from './histogram';
import { sortedQuantile } from './summarize';

describe('histogramCounts', () => {
	it('counts every finite value once, clamping values outside the range to the edge bins', () => {
		const h = histogramCounts(Float32Array.of(-5, 0.1, 0.5, 0.9, 7, NaN, Infinity), {
			lo: 0,
			hi: 1,
			bins: 2
		});
		expect(Array.from(h.counts)).toEqual([2, 3]);
		expect(h.total).toBe(5);
	});

	it('refuses more bins than the GPU kernel can hold', () => {
		expect(() => histogramCounts(new Float32Array(1), { lo: 0, hi: 1, bins: 257 })).toThrow(
			RangeError
		);
	});
});

describe('histogramQuantile', () => {
	it('lands within one bin width of the exact quantile', () => {
		const values = Float32Array.from({ length: 5000 }, (_, i) => Math.sin(i * 12.9898) * 0.5);
		const h = histogramCounts(values, { lo: -0.5, hi: 0.5, bins: 100 });
		const sorted = Float64Array.from(values).sort();
		for (const p of [0.05, 0.25, 0.5, 0.75, 0.95])
			expect(Math.abs(histogramQuantile(h, p) - sortedQuantile(sorted, p))).toBeLessThanOrEqual(
				0.01
			);
	});
});

describe('autoHistogram', () => {
	it('spans the data and keeps every value', () => {
		const h = autoHistogram([0.01, -0.02, 0.03, 0.0, NaN]);
		expect(h.total).toBe(4);
		expect(h.lo).toBe(-0.02);
		expect(h.hi).toBeCloseTo(0.03, 12);
	});
});
