import { describe, expect, it } from 'vitest';
import { normaliseWeights, routeOf } from './traffic-split';

describe('routeOf (seeded traffic split)', () => {
	it('routes every bar the same way for the same seed, whatever order bars are asked in', () => {
		const w = [0.7, 0.2, 0.1];
		const forward = Array.from({ length: 500 }, (_, bar) => routeOf(42, bar, w));
		const backward = Array.from({ length: 500 }, (_, i) => routeOf(42, 499 - i, w)).reverse();
		expect(backward).toEqual(forward);
		const other = Array.from({ length: 500 }, (_, bar) => routeOf(43, bar, w));
		expect(other).not.toEqual(forward);
	});

	it('gives each arm its weight of the decisions in the long run', () => {
		const w = normaliseWeights([2, 1, 1]);
		const counts = [0, 0, 0];
		for (let bar = 0; bar < 20_000; bar++) counts[routeOf(7, bar, w)]++;
		// Binomial sd of a 25% share over 20 000 bars is 0.3%: 1.5% is five of them.
		expect(Math.abs(counts[0] / 20_000 - 0.5)).toBeLessThan(0.015);
		expect(Math.abs(counts[1] / 20_000 - 0.25)).toBeLessThan(0.015);
	});

	it('never routes to an arm with zero weight', () => {
		for (let bar = 0; bar < 1000; bar++) expect(routeOf(1, bar, [0.5, 0, 0.5])).not.toBe(1);
	});

	it('refuses weights that are negative or all zero', () => {
		expect(() => normaliseWeights([1, -1])).toThrow(RangeError);
		expect(() => normaliseWeights([0, 0])).toThrow(RangeError);
	});
});
