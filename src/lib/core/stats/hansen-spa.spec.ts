import { describe, expect, it } from 'vitest';
import { CounterRng } from '../random/philox';
import { hansenSpa } from './hansen-spa';

/** T×K loss differentials d_{t,k} = drift_k + sd·N(0, 1), row-major. */
function diffs(seed: number, T: number, drifts: number[], sd = 1): Float64Array {
	const rng = new CounterRng(seed);
	const K = drifts.length;
	const m = new Float64Array(T * K);
	for (let t = 0; t < T; t++)
		for (let k = 0; k < K; k++) m[t * K + k] = drifts[k] + sd * rng.normal();
	return m;
}

describe('hansenSpa', () => {
	it('gives a large p-value when the benchmark is strictly best', () => {
		const r = hansenSpa(diffs(1, 300, [-0.3, -0.2, -0.4, -0.25, -0.3]), 300, 5, { seed: 1 });
		expect(r.pValue).toBeGreaterThan(0.5);
		expect(r.statistic).toBe(0);
	});
	it('gives a small p-value when one model is clearly better and names it', () => {
		const r = hansenSpa(diffs(2, 300, [-0.1, -0.1, 0.4, -0.1, -0.1]), 300, 5, { seed: 1 });
		expect(r.pValue).toBeLessThan(0.01);
		expect(r.bestModel).toBe(2);
	});
	it('orders the p-values lower ≤ consistent ≤ upper', () => {
		const r = hansenSpa(diffs(3, 200, [0.05, -0.2, -0.5, 0.02]), 200, 4, { seed: 4 });
		expect(r.pValueLower).toBeLessThanOrEqual(r.pValue);
		expect(r.pValue).toBeLessThanOrEqual(r.pValueUpper);
	});
	it('is not made conservative by adding poor models, unlike the upper (Reality Check) p-value', () => {
		// One model whose sample mean is exactly 0.12 (t ≈ 1.9), then 30 models exactly 1 worse than the benchmark.
		const T = 250;
		const K = 31;
		const m = diffs(5, T, new Array(K).fill(0));
		for (let k = 0; k < K; k++) {
			let mean = 0;
			for (let t = 0; t < T; t++) mean += m[t * K + k] / T;
			for (let t = 0; t < T; t++) m[t * K + k] += (k === 0 ? 0.12 : -1) - mean;
		}
		const alone = Float64Array.from({ length: T }, (_, t) => m[t * K]);
		const r = hansenSpa(m, T, K, { seed: 2 });
		const single = hansenSpa(alone, T, 1, { seed: 2 });
		// Same seed and T → same bootstrap rows, and the poor models never reach the maximum under g_c.
		expect(r.pValue).toBe(single.pValue);
		expect(r.pValueUpper).toBeGreaterThan(r.pValue + 0.2);
	});
	it('estimates ω̂ close to the standard deviation for i.i.d. differentials', () => {
		const r = hansenSpa(diffs(6, 500, [0, 0], 2), 500, 2, { meanBlock: 1, seed: 3 });
		for (const w of r.omega) expect(Math.abs(w / 2 - 1)).toBeLessThan(0.1);
	});
	it('rejects at 5% no more often than about 5% when no model beats the benchmark (80 seeded sets)', () => {
		let rejections = 0;
		for (let s = 0; s < 80; s++) {
			if (
				hansenSpa(diffs(100 + s, 120, [0, 0, 0]), 120, 3, { resamples: 300, seed: s }).pValue < 0.05
			)
				rejections++;
		}
		expect(rejections / 80).toBeLessThan(0.12);
	});
	it('is reproducible from the seed', () => {
		const m = diffs(7, 150, [0.1, 0, -0.1]);
		const a = hansenSpa(m, 150, 3, { seed: 9 });
		expect(hansenSpa(m, 150, 3, { seed: 9 })).toEqual(a);
		expect(hansenSpa(m, 150, 3, { seed: 10 }).omega[0]).not.toBe(a.omega[0]);
	});
	it('throws a RangeError for a wrong shape', () => {
		expect(() => hansenSpa(new Float64Array(10), 4, 3)).toThrow(RangeError);
	});
});
