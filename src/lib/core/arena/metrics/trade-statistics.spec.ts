import { describe, expect, it } from 'vitest';
import { expectancy } from './expectancy';
import { kellyFraction } from './kelly-fraction';
import { profitFactor } from './profit-factor';
import { systemQualityNumber } from './system-quality-number';
import { winRate } from './win-rate';

const pnl = Float64Array.of(2, -1, 3, -1, 0);

describe('trade statistics of P&L (2, −1, 3, −1, 0)', () => {
	it('winRate counts break-even trades as not won', () => {
		expect(winRate(pnl)).toBe(0.4);
	});
	it('profitFactor is gross profit over gross loss', () => {
		expect(profitFactor(pnl)).toBe(2.5);
	});
	it('expectancy is the mean P&L per trade', () => {
		expect(expectancy(pnl)).toBeCloseTo(0.6, 15);
	});
	it('systemQualityNumber is √N · mean / sample sd', () => {
		// Deviations 1.4, −1.6, 2.4, −1.6, −0.6: squares sum to 13.2, over N − 1 = 4.
		expect(systemQualityNumber(pnl)).toBeCloseTo((Math.sqrt(5) * 0.6) / Math.sqrt(3.3), 14);
	});
	it('kellyFraction is W − (1 − W) / payoff', () => {
		// W = 0.4, mean win 2.5, mean loss 1: 0.4 − 0.6 / 2.5 = 0.16.
		expect(kellyFraction(pnl)).toBeCloseTo(0.16, 15);
	});
	it('each is null where undefined', () => {
		const none = new Float64Array(0);
		const winners = Float64Array.of(1, 1);
		expect([winRate(none), expectancy(none), systemQualityNumber(Float64Array.of(1))]).toEqual([
			null,
			null,
			null
		]);
		expect([profitFactor(winners), kellyFraction(winners), systemQualityNumber(winners)]).toEqual([
			null,
			null,
			null
		]);
	});
});
