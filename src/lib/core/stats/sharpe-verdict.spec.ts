import { describe, expect, it } from 'vitest';
import { sharpeVerdict } from './sharpe-verdict';

describe('sharpeVerdict', () => {
	it('calls a high PSR luck when the DSR after many trials is low', () => {
		expect(sharpeVerdict({ psr: 0.98, dsr: 0.62, trials: 40 })).toBe(
			'indistinguishable from luck at 95% after 40 trials (DSR 0.62; PSR 0.98 before the correction)'
		);
	});
	it('calls it likely skill only when the DSR clears the level', () => {
		expect(sharpeVerdict({ psr: 0.999, dsr: 0.97, trials: 40 })).toBe(
			'likely skill at 95% even after 40 trials (DSR 0.97, PSR 1.00)'
		);
	});
	it('judges a single trial on its PSR and says it was one trial', () => {
		expect(sharpeVerdict({ psr: 0.97 })).toBe('likely skill at 95% (PSR 0.97, one trial)');
		expect(sharpeVerdict({ psr: 0.9, level: 0.99 })).toBe(
			'indistinguishable from luck at 99% (PSR 0.90, one trial)'
		);
	});
	it('says when the true Sharpe ratio is probably negative, and when there is no data', () => {
		expect(sharpeVerdict({ psr: 0.02, dsr: 0.0, trials: 5 })).toBe(
			'likely losing at 95%: the true Sharpe ratio is probably below 0 (PSR 0.02)'
		);
		expect(sharpeVerdict({ psr: NaN })).toBe('not enough data to judge this Sharpe ratio');
	});
});
