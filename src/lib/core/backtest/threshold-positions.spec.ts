import { describe, expect, it } from 'vitest';
import { thresholdPositions } from './threshold-positions';

describe('thresholdPositions', () => {
	it('goes long above the threshold, short below minus the threshold, flat between', () => {
		const p = thresholdPositions(Float32Array.of(0.002, -0.0005, -0.003, 0.0009), 0.001);
		expect(Array.from(p)).toEqual([1, 0, -1, 0]);
	});
	it('stays flat exactly at ±threshold and on NaN', () => {
		expect(Array.from(thresholdPositions(Float64Array.of(0.5, -0.5, NaN), 0.5))).toEqual([0, 0, 0]);
	});
	it('with threshold 0 follows the sign of the prediction', () => {
		expect(Array.from(thresholdPositions(Float64Array.of(1e-9, -1e-9, 0), 0))).toEqual([1, -1, 0]);
	});
	it('refuses a negative threshold', () => {
		expect(() => thresholdPositions(Float64Array.of(1), -0.1)).toThrow(RangeError);
	});
});
