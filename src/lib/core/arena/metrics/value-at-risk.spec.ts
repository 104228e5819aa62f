import { describe, expect, it } from 'vitest';
import { conditionalValueAtRisk } from './conditional-value-at-risk';
import { tailCount, valueAtRisk } from './value-at-risk';

// Returns −0.10, −0.09, …, 0.89: the five worst are −0.10 … −0.06.
const hundred = Float64Array.from({ length: 100 }, (_, i) => (i - 10) / 100).reverse();

describe('valueAtRisk', () => {
	it('is minus the ⌈(1 − level) · n⌉-th worst return, without interpolation', () => {
		expect(valueAtRisk(hundred, 0.95)).toBeCloseTo(0.06, 15);
		expect(valueAtRisk(hundred, 0.99)).toBeCloseTo(0.1, 15);
		expect(valueAtRisk(Float64Array.of(0.01, -0.02, 0.03), 0.95)).toBeCloseTo(0.02, 15);
	});
	it('counts a tail of exactly 5 of 100 despite (1 − 0.95) · 100 rounding above 5', () => {
		expect((1 - 0.95) * 100).toBeGreaterThan(5);
		expect(tailCount(100, 0.95)).toBe(5);
		expect(tailCount(101, 0.95)).toBe(6);
	});
	it('is null without returns', () => {
		expect(valueAtRisk(new Float64Array(0))).toBeNull();
	});
});

describe('conditionalValueAtRisk', () => {
	it('is minus the mean of the same tail', () => {
		expect(conditionalValueAtRisk(hundred, 0.95)).toBeCloseTo(0.08, 15);
		expect(conditionalValueAtRisk(Float64Array.of(-0.05, -0.01, 0.02, 0.03), 0.5)).toBeCloseTo(
			0.03,
			15
		);
	});
	it('is never below VaR', () => {
		expect(conditionalValueAtRisk(hundred)!).toBeGreaterThanOrEqual(valueAtRisk(hundred)!);
	});
});
