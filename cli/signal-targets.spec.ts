import { describe, expect, it } from 'vitest';
import { logReturns } from './log-returns';
import { signalTargets } from './signal-targets';

describe('signalTargets', () => {
	it('signalTargets(signal, threshold) is +1 above threshold, −1 below −threshold, else 0; NaN is 0', () => {
		const signal = Float64Array.of(0.2, -0.2, 0.05, -0.05, 0.1, -0.1, NaN);
		expect([...signalTargets(signal, 0.1)]).toEqual([1, -1, 0, 0, 0, 0, 0]);
	});

	it('signalTargets(signal, 0) follows the sign, and exactly 0 is flat', () => {
		expect([...signalTargets(Float64Array.of(1e-9, -1e-9, 0), 0)]).toEqual([1, -1, 0]);
	});
});

describe('logReturns', () => {
	it('logReturns(close) is ln(c_t / c_{t−1}), skipping pairs with a missing or non-positive close', () => {
		const r = logReturns(Float64Array.of(100, 110, NaN, 121, 0, 5, 10));
		expect(r).toHaveLength(2);
		expect(r[0]).toBeCloseTo(Math.log(1.1), 15);
		expect(r[1]).toBeCloseTo(Math.log(2), 15);
	});
});
