import { describe, expect, it } from 'vitest';
import { CounterRng } from '../random/philox';
import { bootstrapCi } from './bootstrap-ci';

const mean = (x: Float64Array) => x.reduce((a, b) => a + b, 0) / x.length;

function gaussian(seed: number, n: number, mu = 0, phi = 0): Float64Array {
	const rng = new CounterRng(seed);
	const x = new Float64Array(n);
	let prev = 0;
	for (let t = 0; t < n; t++) x[t] = prev = phi * prev + rng.normal();
	return x.map((v) => v + mu);
}

describe('bootstrapCi', () => {
	it('brackets the estimate and matches the normal-theory width for an i.i.d. mean', () => {
		const x = gaussian(1, 400, 0.1);
		const ci = bootstrapCi(x, mean, { meanBlock: 1, seed: 1 });
		expect(ci.estimate).toBe(mean(x));
		expect(ci.lower).toBeLessThan(ci.estimate);
		expect(ci.upper).toBeGreaterThan(ci.estimate);
		// Normal theory: 2·1.96·s/√n with s ≈ 1 → 0.196.
		expect((ci.upper - ci.lower) / 0.196).toBeGreaterThan(0.85);
		expect((ci.upper - ci.lower) / 0.196).toBeLessThan(1.15);
	});
	it('covers the true mean in about 95% of 200 seeded samples', () => {
		let covered = 0;
		for (let seed = 1; seed <= 200; seed++) {
			const ci = bootstrapCi(gaussian(1000 + seed, 80, 0.5), mean, { resamples: 500, seed });
			if (ci.lower <= 0.5 && 0.5 <= ci.upper) covered++;
		}
		expect(covered / 200).toBeGreaterThan(0.89);
		expect(covered / 200).toBeLessThan(0.99);
	});
	it('widens with blocks on autocorrelated data, where the i.i.d. bootstrap is too narrow', () => {
		// AR(1) with φ = 0.6: the long-run sd of the mean is √((1 + φ)/(1 − φ)) = 2× the i.i.d. one.
		const x = gaussian(5, 1000, 0, 0.6);
		const iid = bootstrapCi(x, mean, { meanBlock: 1, seed: 3 });
		const blocks = bootstrapCi(x, mean, { meanBlock: 20, seed: 3 });
		expect(blocks.upper - blocks.lower).toBeGreaterThan(1.5 * (iid.upper - iid.lower));
	});
	it('uses the default mean block n^(1/3) and is reproducible from the seed', () => {
		const x = gaussian(6, 125);
		const a = bootstrapCi(x, mean, { seed: 42 });
		expect(a.meanBlock).toBeCloseTo(5, 12);
		expect(bootstrapCi(x, mean, { seed: 42 })).toEqual(a);
		expect(bootstrapCi(x, mean, { seed: 43 }).lower).not.toBe(a.lower);
	});
	it('drops non-finite resampled statistics and reports how many were kept', () => {
		const x = Float64Array.of(1, 1, 1, 1, 2);
		const ci = bootstrapCi(x, (s) => (s.includes(2) ? 1 : NaN), {
			resamples: 200,
			meanBlock: 1,
			seed: 1
		});
		expect(ci.resamples).toBeLessThan(200);
		expect(ci.resamples).toBeGreaterThan(100);
		expect(ci.lower).toBe(1);
	});
});
