import { describe, expect, it } from 'vitest';
import { CounterRng } from '../random/philox';
import { conformalScale, intervalCoverage } from './conformal-scale';

describe('conformalScale (split conformal, normalised scores)', () => {
	it('picks the ⌈(n+1)(1−α)⌉-th smallest score', () => {
		const y = [1, 2, 3, 4, 5, 6, 7, 8, 9];
		const zeros = y.map(() => 0);
		const ones = y.map(() => 1);
		// n = 9, α = 0.2: rank ⌈10 · 0.8⌉ = 8.
		expect(conformalScale(y, zeros, ones, 0.2)).toBe(8);
	});

	it('turns a badly scaled spread into intervals of nominal coverage on new samples', () => {
		const rng = new CounterRng(1, 2);
		const draw = (n: number) => {
			const sd = Array.from({ length: n }, () => 0.2 + rng.uniform());
			return { sd, y: sd.map((s) => s * rng.normal()) };
		};
		const cal = draw(2000);
		const test = draw(4000);
		// The model's std is 3× too small; conformal scaling repairs it.
		const q = conformalScale(
			cal.y,
			cal.y.map(() => 0),
			cal.sd.map((s) => s / 3),
			0.1
		);
		const lo = test.sd.map((s) => (-q * s) / 3);
		const hi = test.sd.map((s) => (q * s) / 3);
		expect(q).toBeGreaterThan(4.5);
		expect(Math.abs(intervalCoverage(test.y, lo, hi) - 0.9)).toBeLessThan(0.02);
	});

	it('refuses too few calibration samples for the level asked', () => {
		expect(() => conformalScale([1, 2], [0, 0], [1, 1], 0.1)).toThrow(/too few/);
	});
});
