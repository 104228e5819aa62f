import { describe, expect, it } from 'vitest';
import { CounterRng } from '../random/philox';
import { bootstrapCi } from './bootstrap-ci';
import { bootstrapDifferenceCi } from './bootstrap-difference-ci';

const mean = (x: Float64Array) => x.reduce((a, b) => a + b, 0) / x.length;

describe('bootstrapDifferenceCi', () => {
	it('resamples both series with the same indices (a shifted copy gives a zero-width interval)', () => {
		const rng = new CounterRng(1);
		const a = Float64Array.from({ length: 300 }, () => rng.normal());
		const b = a.map((v) => v - 0.25);
		const ci = bootstrapDifferenceCi(a, b, mean, { seed: 2 });
		expect(ci.estimate).toBeCloseTo(0.25, 12);
		expect(ci.lower).toBeCloseTo(0.25, 12);
		expect(ci.upper).toBeCloseTo(0.25, 12);
	});
	it('detects a small edge between highly correlated strategies that separate intervals would miss', () => {
		const rng = new CounterRng(4);
		const market = Float64Array.from({ length: 500 }, () => rng.normal());
		const a = market.map((m) => m + 0.05 + 0.1 * rng.normal());
		const b = market.map((m) => m + 0.1 * rng.normal());
		const diff = bootstrapDifferenceCi(a, b, mean, { seed: 5 });
		expect(diff.lower).toBeGreaterThan(0);
		const ciA = bootstrapCi(a, mean, { seed: 5 });
		const ciB = bootstrapCi(b, mean, { seed: 6 });
		expect(ciA.lower).toBeLessThan(ciB.upper); // the marginal intervals overlap
	});
	it('throws a RangeError for series of different lengths', () => {
		expect(() => bootstrapDifferenceCi(new Float64Array(3), new Float64Array(4), mean)).toThrow(
			RangeError
		);
	});
});
