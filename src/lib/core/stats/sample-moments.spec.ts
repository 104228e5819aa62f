import { describe, expect, it } from 'vitest';
import { sampleMoments } from './sample-moments';

describe('sampleMoments', () => {
	it('uses s² (n − 1) for the variance and moment ratios g₁, g₂ (scipy bias=True) for shape', () => {
		// By hand: mean 4, deviations −3, −2, −1, 6; m₂ = 12.5, m₃ = 45, m₄ = 348.5.
		const m = sampleMoments(Float64Array.of(1, 2, 3, 10));
		expect(m.n).toBe(4);
		expect(m.mean).toBe(4);
		expect(m.variance).toBeCloseTo(50 / 3, 14);
		expect(m.skewness).toBeCloseTo(45 / 12.5 ** 1.5, 14);
		expect(m.excessKurtosis).toBeCloseTo(348.5 / 156.25 - 3, 14);
	});
	it('matches numpy var(ddof=1) and scipy.stats skew / kurtosis on a return series', () => {
		const r = Float64Array.of(
			0.012,
			-0.004,
			0.007,
			0.021,
			-0.015,
			0.003,
			0,
			-0.008,
			0.031,
			0.005,
			-0.022,
			0.011
		);
		const m = sampleMoments(r);
		expect(m.mean).toBeCloseTo(0.0034166666666666664, 16);
		expect(m.variance / 0.0002180833333333333).toBeCloseTo(1, 13);
		expect(m.skewness).toBeCloseTo(0.08666411230256194, 13);
		expect(m.excessKurtosis).toBeCloseTo(-0.4229101872062575, 13);
	});
	it('gives NaN moments for NaN input, fewer than two values, or zero dispersion', () => {
		const withNaN = sampleMoments(Float64Array.of(1, NaN, 3));
		expect(
			[withNaN.mean, withNaN.variance, withNaN.skewness, withNaN.excessKurtosis].every(Number.isNaN)
		).toBe(true);
		expect(sampleMoments(new Float64Array(0)).mean).toBeNaN();
		expect(sampleMoments(Float64Array.of(2)).variance).toBeNaN();
		const flat = sampleMoments(Float64Array.of(2, 2, 2));
		expect(flat.variance).toBe(0);
		expect(flat.skewness).toBeNaN();
		expect(flat.excessKurtosis).toBeNaN();
	});
});
