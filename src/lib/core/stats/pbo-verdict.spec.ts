import { describe, expect, it } from 'vitest';
import { pboVerdict } from './pbo-verdict';

describe('pboVerdict', () => {
	it('grades PBO as low, material or likely overfit, with the split count', () => {
		expect(pboVerdict({ pbo: 0.03, combinations: 12870 })).toBe(
			'low overfitting risk: the in-sample winner finished at or below the out-of-sample median in 3% of 12870 splits (PBO 0.03)'
		);
		expect(pboVerdict({ pbo: 0.3, combinations: 70 })).toMatch(
			/^material overfitting risk: .* 30% of 70 splits \(PBO 0\.30\)$/
		);
		expect(pboVerdict({ pbo: 0.62, combinations: 12870 })).toMatch(
			/^likely overfit: .* 62% of 12870 splits \(PBO 0\.62\)$/
		);
	});
	it('says when PBO is unavailable', () => {
		expect(pboVerdict({ pbo: NaN, combinations: 0 })).toBe(
			'overfitting risk unknown: not enough data for CSCV'
		);
	});
});
