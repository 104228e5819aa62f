import { deviation, mean } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { sharpeRatio } from './sharpe-ratio';

describe('sharpeRatio', () => {
	it('annualises mean / sample sd by √periodsPerYear', () => {
		// mean 0.00625; squared deviations sum to 0.00036875, so the sample sd is √(0.00036875 / 3).
		const s = sharpeRatio(Float64Array.of(0.01, -0.005, 0.02, 0.0), 252);
		expect(s).toBeCloseTo((0.00625 / Math.sqrt(0.00036875 / 3)) * Math.sqrt(252), 12);
		expect(s).toBeCloseTo(8.949008, 5);
	});
	it('agrees with d3-array mean and deviation on a long series', () => {
		const r = Float64Array.from({ length: 1000 }, (_, i) => 0.001 + 0.01 * Math.sin(i * 1.7));
		expect(sharpeRatio(r, 12)).toBeCloseTo((mean(r)! / deviation(r)!) * Math.sqrt(12), 12);
	});
	it('subtracts the annual risk-free rate per period', () => {
		const r = Float64Array.of(0.01, 0.03);
		// Excess returns 0.0, 0.02 with rf = 0.12 / 12 = 0.01: mean 0.01, sd √0.0002.
		expect(sharpeRatio(r, 12, 0.12)).toBeCloseTo((0.01 / Math.sqrt(0.0002)) * Math.sqrt(12), 12);
	});
	it('is null for fewer than two returns or zero dispersion', () => {
		expect(sharpeRatio(Float64Array.of(0.01), 252)).toBeNull();
		expect(sharpeRatio(new Float64Array(10), 252)).toBeNull();
		expect(sharpeRatio(new Float64Array(10).fill(0.001), 252)).toBeNull();
	});
});
