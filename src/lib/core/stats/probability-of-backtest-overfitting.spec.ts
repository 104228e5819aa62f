import { describe, expect, it } from 'vitest';
import { CounterRng } from '../random/philox';
import { probabilityOfBacktestOverfitting } from './probability-of-backtest-overfitting';

function noise(
	seed: number,
	T: number,
	N: number,
	drift: (j: number) => number = () => 0
): Float64Array {
	const rng = new CounterRng(seed);
	const m = new Float64Array(T * N);
	for (let t = 0; t < T; t++) for (let j = 0; j < N; j++) m[t * N + j] = drift(j) + rng.normal();
	return m;
}

describe('probabilityOfBacktestOverfitting', () => {
	it('ranks the in-sample winner out of sample, by hand on a 4×4 matrix with S = 2', () => {
		// Block 0 (rows 0–1) means [1, 4, 3, 2]; block 1 (rows 2–3) means [4, 3, 2, 1].
		// Split 1: IS = block 0 → winner 1; OOS value 3 ranks 3rd of 4 → ω̄ = 3/5, λ = ln 1.5 > 0.
		// Split 2: IS = block 1 → winner 0; OOS value 1 ranks 1st (worst) → ω̄ = 1/5, λ = ln ¼ ≤ 0.
		const m = Float64Array.of(0, 5, 3, 1, 2, 3, 3, 3, 4, 2, 2, 0, 4, 4, 2, 2);
		const r = probabilityOfBacktestOverfitting(m, 4, 4, 2, 'mean');
		expect(r.combinations).toBe(2);
		expect(r.pbo).toBe(0.5);
		expect(r.logits[0]).toBeCloseTo(Math.log(1.5), 15);
		expect(r.logits[1]).toBeCloseTo(Math.log(0.25), 15);
		expect([...r.isPerformance]).toEqual([4, 4]);
		expect([...r.oosPerformance]).toEqual([3, 1]);
		expect(r.probabilityOfOosLoss).toBe(0);
	});
	it('enumerates all C(16, 8) = 12 870 splits', () => {
		expect(probabilityOfBacktestOverfitting(noise(1, 64, 3), 64, 3, 16).combinations).toBe(12870);
	});
	it('is near 0 when one strategy truly dominates', () => {
		const m = noise(11, 800, 10, (j) => (j === 0 ? 0.3 : 0));
		const r = probabilityOfBacktestOverfitting(m, 800, 10, 16, 'sharpe');
		expect(r.pbo).toBeLessThan(0.02);
		expect(r.probabilityOfOosLoss).toBeLessThan(0.02);
	});
	it('is near ½ on average for pure-noise strategies (60 seeded data sets)', () => {
		let total = 0;
		for (let seed = 1; seed <= 60; seed++)
			total += probabilityOfBacktestOverfitting(noise(seed, 200, 10), 200, 10, 8).pbo;
		// One data set's PBO is itself noisy (sd ≈ 0.2); the mean of 60 has sd ≈ 0.03.
		expect(Math.abs(total / 60 - 0.5)).toBeLessThan(0.08);
	});
	it('gives the same result through a function metric as through the fast sums path', () => {
		const m = noise(3, 120, 5);
		const sharpe = (r: Float64Array) => {
			const mean = r.reduce((a, b) => a + b, 0) / r.length;
			const variance = r.reduce((a, b) => a + (b - mean) ** 2, 0) / (r.length - 1);
			return mean / Math.sqrt(variance);
		};
		const fast = probabilityOfBacktestOverfitting(m, 120, 5, 6, 'sharpe');
		const slow = probabilityOfBacktestOverfitting(m, 120, 5, 6, sharpe);
		expect(slow.pbo).toBe(fast.pbo);
		for (let c = 0; c < fast.combinations; c++) {
			expect(slow.logits[c]).toBeCloseTo(fast.logits[c], 12);
			expect(slow.oosPerformance[c]).toBeCloseTo(fast.oosPerformance[c], 12);
		}
	});
	it('ranks a NaN metric (zero-dispersion Sharpe) as the worst', () => {
		// Strategy 1 is flat: its Sharpe is NaN and it must never be the in-sample winner.
		const m = noise(5, 40, 3);
		for (let t = 0; t < 40; t++) m[t * 3 + 1] = 0.01;
		const r = probabilityOfBacktestOverfitting(m, 40, 3, 4);
		expect(r.isPerformance.every((v) => !Number.isNaN(v))).toBe(true);
	});
	it('throws a RangeError for a wrong shape or an odd S', () => {
		expect(() => probabilityOfBacktestOverfitting(new Float64Array(10), 4, 3, 2)).toThrow(
			RangeError
		);
		expect(() => probabilityOfBacktestOverfitting(new Float64Array(12), 4, 3, 3)).toThrow(
			RangeError
		);
		expect(() => probabilityOfBacktestOverfitting(new Float64Array(12), 4, 1 * 3, 8)).toThrow(
			RangeError
		);
	});
});
