import { describe, expect, it } from 'vitest';
import { annualizedVolatility } from './annualized-volatility';

describe('annualizedVolatility', () => {
	it('is the sample standard deviation times √periodsPerYear', () => {
		// mean 0.01; squared deviations 0.0001 + 0.0001 + 0 over n − 1 = 2.
		expect(annualizedVolatility(Float64Array.of(0.0, 0.02, 0.01), 12)).toBeCloseTo(
			Math.sqrt(0.0001 * 12),
			15
		);
	});
	it('is null for one return or zero dispersion', () => {
		expect(annualizedVolatility(Float64Array.of(0.1), 252)).toBeNull();
		expect(annualizedVolatility(Float64Array.of(0.1, 0.1), 252)).toBeNull();
	});
});
