import { describe, expect, it } from 'vitest';
import { CounterRng } from '../random/philox';
import { stationaryBootstrapIndices } from './stationary-bootstrap-indices';

describe('stationaryBootstrapIndices', () => {
	it('returns n indices in [0, n) that continue blocks with wrap-around', () => {
		const idx = stationaryBootstrapIndices(50, 5, new CounterRng(1));
		expect(idx.length).toBe(50);
		expect(idx.every((i) => i < 50)).toBe(true);
	});
	it('draws geometric blocks whose mean length is meanBlock', () => {
		const n = 200_000;
		const idx = stationaryBootstrapIndices(n, 8, new CounterRng(2));
		let breaks = 0;
		for (let t = 1; t < n; t++) if (idx[t] !== (idx[t - 1] + 1) % n) breaks++;
		// A restart lands on the continuing index with chance 1/n, so breaks / n ≈ p = 1/8.
		expect(n / (breaks + 1)).toBeGreaterThan(7.7);
		expect(n / (breaks + 1)).toBeLessThan(8.3);
	});
	it('is the i.i.d. bootstrap at meanBlock = 1 (every index equally likely)', () => {
		const counts = new Float64Array(10);
		const rng = new CounterRng(3);
		for (let r = 0; r < 2000; r++)
			for (const i of stationaryBootstrapIndices(10, 1, rng)) counts[i]++;
		for (const c of counts) expect(Math.abs(c / 20_000 - 0.1)).toBeLessThan(0.01);
	});
	it('is reproducible from the seed', () => {
		const a = stationaryBootstrapIndices(100, 4, new CounterRng(9));
		const b = stationaryBootstrapIndices(100, 4, new CounterRng(9));
		const c = stationaryBootstrapIndices(100, 4, new CounterRng(10));
		expect([...a]).toEqual([...b]);
		expect([...a]).not.toEqual([...c]);
	});
	it('throws a RangeError for meanBlock < 1 or a non-integer n', () => {
		expect(() => stationaryBootstrapIndices(10, 0.5, new CounterRng(1))).toThrow(RangeError);
		expect(() => stationaryBootstrapIndices(2.5, 2, new CounterRng(1))).toThrow(RangeError);
	});
});
