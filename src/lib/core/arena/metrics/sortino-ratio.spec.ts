import { describe, expect, it } from 'vitest';
import { sortinoRatio } from './sortino-ratio';

describe('sortinoRatio', () => {
	it('divides the mean by the downside deviation over all periods, target 0', () => {
		// mean 0.005; shortfalls 0.01² + 0.02² = 0.0005 over n = 4 periods.
		const s = sortinoRatio(Float64Array.of(0.02, -0.01, 0.03, -0.02), 252);
		expect(s).toBeCloseTo((0.005 / Math.sqrt(0.0005 / 4)) * Math.sqrt(252), 12);
	});
	it('is null without a losing period or with fewer than two returns', () => {
		expect(sortinoRatio(Float64Array.of(0.01, 0, 0.02), 252)).toBeNull();
		expect(sortinoRatio(Float64Array.of(-0.01), 252)).toBeNull();
	});
});
