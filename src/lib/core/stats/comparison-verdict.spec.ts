import { describe, expect, it } from 'vitest';
import type { BootstrapInterval } from './bootstrap-ci';
import { comparisonVerdict } from './comparison-verdict';
import { dieboldMariano } from './diebold-mariano';

const A = Float64Array.of(0.8, 1.3, 0.4, 2.1, 0.9, 1.7, 0.2, 1.1, 0.6, 1.9, 1.4, 0.3);
const B = Float64Array.of(1.0, 1.1, 0.9, 2.6, 1.2, 1.5, 0.7, 1.6, 0.5, 2.4, 1.3, 0.9);
const interval = (estimate: number, lower: number, upper: number): BootstrapInterval => ({
	estimate,
	lower,
	upper,
	level: 0.95,
	resamples: 2000,
	meanBlock: 5
});

describe('comparisonVerdict', () => {
	it('names the model with the lower loss when Diebold–Mariano rejects', () => {
		const result = dieboldMariano(A, B);
		expect(
			comparisonVerdict({ kind: 'diebold-mariano', result, nameA: 'GRU', nameB: 'naive' })
		).toBe('GRU forecasts better than naive at 95% (Diebold–Mariano, p = 0.019, n = 12)');
		expect(
			comparisonVerdict({
				kind: 'diebold-mariano',
				result,
				nameA: 'GRU',
				nameB: 'naive',
				level: 0.99
			})
		).toBe(
			'no significant difference in accuracy between GRU and naive at 99% (Diebold–Mariano, p = 0.019, n = 12)'
		);
	});
	it('calls an interval containing 0 indistinguishable, with the numbers', () => {
		expect(
			comparisonVerdict({
				kind: 'interval',
				interval: interval(0.04, -0.05, 0.13),
				nameA: 'LSTM',
				nameB: 'Buy & hold',
				quantity: 'Sharpe ratio'
			})
		).toBe(
			'LSTM and Buy & hold are indistinguishable on Sharpe ratio at 95%: difference 0.04 [−0.05, 0.13]'
		);
	});
	it('names the winner of an interval excluding 0, honouring lower-is-better quantities', () => {
		const i = interval(0.12, 0.03, 0.21);
		expect(
			comparisonVerdict({
				kind: 'interval',
				interval: i,
				nameA: 'A',
				nameB: 'B',
				quantity: 'Sharpe ratio'
			})
		).toBe('A beats B on Sharpe ratio at 95%: difference 0.12 [0.03, 0.21]');
		expect(
			comparisonVerdict({
				kind: 'interval',
				interval: i,
				nameA: 'A',
				nameB: 'B',
				quantity: 'max drawdown',
				higherIsBetter: false
			})
		).toBe('B beats A on max drawdown at 95%: difference 0.12 [0.03, 0.21]');
	});
	it('says there is not enough data when the interval is NaN', () => {
		expect(
			comparisonVerdict({
				kind: 'interval',
				interval: interval(NaN, NaN, NaN),
				nameA: 'A',
				nameB: 'B',
				quantity: 'Sharpe ratio'
			})
		).toBe('not enough data to compare A and B');
	});
});
