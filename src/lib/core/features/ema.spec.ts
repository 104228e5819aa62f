import { describe, expect, it } from 'vitest';
import { ema } from './ema';
import { syntheticCloses } from './synthetic-closes';

/**
 * The closed form of the definition: with seed S = mean(x[0..p)), for i ≥ p − 1
 * e[i] = (1 − α)^(i−p+1) S + Σ_{k=p}^{i} α (1 − α)^(i−k) x[k].
 */
function closedFormEma(x: Float64Array, p: number, i: number): number {
	const a = 2 / (p + 1);
	let seed = 0;
	for (let k = 0; k < p; k++) seed += x[k];
	let e = (1 - a) ** (i - p + 1) * (seed / p);
	for (let k = p; k <= i; k++) e += a * (1 - a) ** (i - k) * x[k];
	return e;
}

describe('ema', () => {
	it('ema(x, p) seeds with the SMA of the first p values, as TA-Lib does', () => {
		const e = ema(Float64Array.of(1, 2, 3, 4, 5, 6), 3);
		expect(Array.from(e)).toEqual([NaN, NaN, 2, 3, 4, 5]);
		expect(Array.from(ema(Float64Array.of(1, 2, 3, 4), 2))).toEqual([NaN, 1.5, 2.5, 3.5]);
	});

	it('ema(x, p) uses alpha = 2 / (p + 1)', () => {
		// seed mean(10, 20) = 15, then 15 + (2/3)(30 − 15) = 25.
		expect(ema(Float64Array.of(10, 20, 30), 2)[2]).toBeCloseTo(25, 14);
	});

	it('ema matches the closed-form definition on a random walk', () => {
		const x = syntheticCloses(400, 6);
		const e = ema(x, 12);
		for (const i of [11, 12, 50, 399]) expect(e[i]).toBeCloseTo(closedFormEma(x, 12, i), 9);
	});

	it('ema(x, p) is NaN for exactly the first p - 1 rows', () => {
		const e = ema(syntheticCloses(100, 7), 26);
		expect(e.findIndex((v) => !Number.isNaN(v))).toBe(25);
		expect(e.slice(25).every(Number.isFinite)).toBe(true);
	});

	it('ema skips leading NaNs and re-seeds after a missing value', () => {
		expect(Array.from(ema(Float64Array.of(NaN, 2, 4, 6), 2))).toEqual([NaN, NaN, 3, 5]);
		expect(Array.from(ema(Float64Array.of(2, 4, NaN, 1, 3, 3), 2))).toEqual([
			NaN,
			3,
			NaN,
			NaN,
			2,
			8 / 3
		]);
	});

	it('ema(x, 1) is x', () => {
		expect(Array.from(ema(Float64Array.of(5, -1, 2), 1))).toEqual([5, -1, 2]);
	});
});
