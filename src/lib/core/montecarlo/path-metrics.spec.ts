import { describe, expect, it } from 'vitest';
import { pathMetrics } from './path-metrics';

const A = Math.sqrt(252);

describe('pathMetrics', () => {
	// Equity 1 → 1.1 → 0.55 → 0.66.
	const r = Float64Array.of(Math.log(1.1), Math.log(0.5), Math.log(1.2));

	it('gives the total simple return and the largest fall from a peak', () => {
		const m = pathMetrics(r, Math.log(0.5), A);
		expect(m.finalReturn).toBeCloseTo(-0.34, 12);
		expect(m.maxDrawdown).toBeCloseTo(0.5, 12);
		expect(m.minLogEquity).toBeCloseTo(Math.log(0.55), 12);
	});

	it('counts a path as ruined when equity reaches the threshold, inclusive', () => {
		expect(pathMetrics(r, Math.log(0.55) + 1e-12, A).ruined).toBe(true);
		expect(pathMetrics(r, Math.log(0.5), A).ruined).toBe(false);
		expect(pathMetrics(r, -Infinity, A).ruined).toBe(false);
	});

	it('annualises the Sharpe ratio of the log returns with the sample std', () => {
		const mean = (r[0] + r[1] + r[2]) / 3;
		const sd = Math.sqrt(((r[0] - mean) ** 2 + (r[1] - mean) ** 2 + (r[2] - mean) ** 2) / 2);
		expect(pathMetrics(r, -Infinity, A).sharpe).toBeCloseTo((mean / sd) * A, 12);
	});

	it('gives a Sharpe of 0 for a flat path or a single step', () => {
		expect(pathMetrics(Float64Array.of(0.01, 0.01, 0.01), -Infinity, A).sharpe).toBe(0);
		expect(pathMetrics(Float64Array.of(0.01), -Infinity, A).sharpe).toBe(0);
	});

	it('measures no drawdown on a path that only rises', () => {
		expect(pathMetrics(Float64Array.of(0.01, 0.02, 0.0), -Infinity, A).maxDrawdown).toBe(0);
	});
});
