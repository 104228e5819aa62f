import { describe, expect, it } from 'vitest';
import { maxDrawdownDuration } from './max-drawdown-duration';

describe('maxDrawdownDuration', () => {
	it('counts the longest run of bars below the running peak', () => {
		expect(maxDrawdownDuration(Float64Array.of(1, 1.5, 0.75, 1.2, 2, 1.8))).toBe(2);
	});
	it('counts an unrecovered drawdown to the end, and ends a run at an equal peak', () => {
		expect(maxDrawdownDuration(Float64Array.of(1, 0.9, 1, 0.9, 0.8, 0.95))).toBe(3);
	});
	it('is 0 for a curve that never falls', () => {
		expect(maxDrawdownDuration(Float64Array.of(1, 1, 2))).toBe(0);
	});
});
