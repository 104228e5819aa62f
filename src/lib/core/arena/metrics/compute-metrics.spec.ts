import { describe, expect, it } from 'vitest';
import { sharpeRatio } from '../../backtest/sharpe-ratio';
import { simulate } from '../simulate';
import { flat, seriesFromBars } from '../testing';
import { buyAndHoldReturns } from './buy-and-hold-returns';
import { computeMetrics } from './compute-metrics';
import { forwardReturns } from './forward-returns';

describe('computeMetrics', () => {
	// Long from the open of bar 1 (100) to the open of bar 3 (99): equity 1, 1, 1.1, 0.99, 0.99.
	const series = seriesFromBars([100, 100, 110, 99, 99].map(flat));
	const result = simulate(series, Float64Array.of(1, 1, 0, 0, 0));
	const close = (v: number) => expect.closeTo(v, 12);

	it('reports return, risk, trade and position metrics of a hand-computed run', () => {
		const m = computeMetrics(result, { periodsPerYear: 252 });
		expect(m).toMatchObject({
			bars: 5,
			totalReturn: close(-0.01),
			cagr: close(Math.pow(0.99, 252 / 5) - 1),
			maxDrawdown: close(0.1),
			maxDrawdownDuration: 2,
			ulcerIndex: close(Math.sqrt((0.1 ** 2 * 2) / 6)),
			var95: close(0.1),
			cvar95: close(0.1),
			omega: close(1),
			trades: 1,
			winRate: 0,
			profitFactor: 0,
			expectancy: close(-0.01),
			sqn: null,
			kelly: null,
			exposure: 0.4,
			averageTradeDuration: 2,
			// Notional 1 on equity 1 (bar 1), 0.99 on equity 1.1 (bar 3).
			turnover: close(((1 + 0.9) * 252) / 5),
			ic: null,
			benchmark: null
		});
		expect(m.sharpe).toBe(sharpeRatio(result.returns, 252));
		expect(m.calmar).toBeCloseTo(m.cagr! / 0.1, 12);
	});
	it('compares with a benchmark and scores a signal when given them', () => {
		const m = computeMetrics(result, {
			periodsPerYear: 252,
			benchmark: buyAndHoldReturns(series.close),
			signal: Float64Array.of(1, 2, 3, 4, 5),
			forwardReturns: forwardReturns(series.close, 1)
		});
		// Bar returns 0, 0, 0.1, −0.1, 0: the run matches buy-and-hold from the first close exactly.
		expect(m.benchmark).toEqual({
			excessReturn: close(0),
			beta: close(1),
			trackingError: null,
			informationRatio: null
		});
		// Forward returns 0, 0.1, −0.1, 0 for signals 1–4 (bar 4 has none). Pearson: Σdxdy = −0.1,
		// Σdx² = 5, Σdy² = 0.02. Spearman: return ranks 2.5, 4, 1, 2.5, so Σdxdy = −1.5, Σdy² = 4.5.
		expect(m.ic).toBeCloseTo(-0.1 / Math.sqrt(5 * 0.02), 12);
		expect(m.rankIc).toBeCloseTo(-1.5 / Math.sqrt(5 * 4.5), 12);
	});
	it('is null wherever a metric is undefined for an empty run', () => {
		const empty = simulate(seriesFromBars([]), new Float64Array(0));
		const m = computeMetrics(empty, { periodsPerYear: 252 });
		const { bars, trades, ...rest } = m;
		expect([bars, trades]).toEqual([0, 0]);
		expect(Object.values(rest).every((v) => v === null)).toBe(true);
	});
});
