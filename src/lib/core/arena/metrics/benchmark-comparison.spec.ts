import { describe, expect, it } from 'vitest';
import { benchmarkComparison } from './benchmark-comparison';
import { buyAndHoldReturns } from './buy-and-hold-returns';

describe('benchmarkComparison', () => {
	const b = Float64Array.of(0.01, -0.02, 0.03, 0.0);

	it('gives beta 2, zero-mean tracking for a twice-leveraged copy', () => {
		const c = benchmarkComparison(
			b.map((x) => 2 * x),
			b,
			252
		)!;
		expect(c.beta).toBeCloseTo(2, 14);
		// Active return equals b: mean 0.005, sample sd √(0.00089 / 3)… computed from b directly.
		const sd = Math.sqrt(b.reduce((s, x) => s + (x - 0.005) ** 2, 0) / 3);
		expect(c.trackingError).toBeCloseTo(sd * Math.sqrt(252), 14);
		expect(c.informationRatio).toBeCloseTo((0.005 / sd) * Math.sqrt(252), 12);
		const total = (xs: Float64Array) => xs.reduce((g, x) => g * (1 + x), 1) - 1;
		expect(c.excessReturn).toBeCloseTo(total(b.map((x) => 2 * x)) - total(b), 15);
	});
	it('has no tracking error or information ratio against itself', () => {
		const c = benchmarkComparison(b, b, 252)!;
		expect([c.excessReturn, c.beta, c.trackingError, c.informationRatio]).toEqual([
			0,
			1,
			null,
			null
		]);
	});
	it('is null for fewer than two periods and refuses mismatched lengths', () => {
		expect(benchmarkComparison(Float64Array.of(0.1), Float64Array.of(0.1), 252)).toBeNull();
		expect(() => benchmarkComparison(b, Float64Array.of(1), 252)).toThrow(RangeError);
	});
});

describe('buyAndHoldReturns', () => {
	it('is 0 on the first bar, then close-to-close returns', () => {
		expect(Array.from(buyAndHoldReturns(Float64Array.of(100, 110, 99)))).toEqual([
			0,
			expect.closeTo(0.1, 15),
			expect.closeTo(-0.1, 15)
		]);
	});
});
