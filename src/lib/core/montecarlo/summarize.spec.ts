import { describe, expect, it } from 'vitest';
import { momentsFromSums, sortedQuantile, summarizeMetric } from './summarize';

describe('sortedQuantile', () => {
	it('interpolates between order statistics (type 7, as d3.quantile)', () => {
		const xs = Float64Array.of(1, 2, 3, 4);
		expect(sortedQuantile(xs, 0)).toBe(1);
		expect(sortedQuantile(xs, 0.25)).toBe(1.75);
		expect(sortedQuantile(xs, 0.5)).toBe(2.5);
		expect(sortedQuantile(xs, 1)).toBe(4);
		expect(sortedQuantile(new Float64Array(0), 0.5)).toBeNaN();
	});
});

describe('summarizeMetric', () => {
	it('gives the mean, the sample std and the 1–99 % quantiles', () => {
		const xs = Float64Array.from({ length: 101 }, (_, i) => 100 - i);
		const s = summarizeMetric(xs);
		expect(s.mean).toBe(50);
		expect(s.std).toBeCloseTo(Math.sqrt((101 * 102) / 12), 10);
		expect(s.quantiles).toEqual([1, 5, 25, 50, 75, 95, 99]);
	});
});

describe('momentsFromSums', () => {
	it('agrees with the two-pass mean and std', () => {
		const xs = [0.1, -0.2, 0.35, 0.05];
		const sum = xs.reduce((a, b) => a + b, 0);
		const sq = xs.reduce((a, b) => a + b * b, 0);
		const s = summarizeMetric(Float64Array.from(xs));
		const m = momentsFromSums(xs.length, sum, sq);
		expect(m.mean).toBeCloseTo(s.mean, 14);
		expect(m.std).toBeCloseTo(s.std, 14);
	});
});
