import { describe, expect, it } from 'vitest';
import { runBacktest } from './run-backtest';
import { summarizeBacktest } from './summarize-backtest';

describe('summarizeBacktest', () => {
	it('reports total return, Sharpe, max drawdown and trades of a run', () => {
		const run = runBacktest({
			close: Float64Array.of(100, 110, 99, 99, 108.9),
			positions: Float64Array.of(1, 1, 0, 1),
			index: Int32Array.of(0, 1, 2, 3),
			feeBps: 0,
			periodsPerYear: 252
		});
		const s = summarizeBacktest(run, 252);
		// Equity 1 → 1.1 → 0.99 → 0.99 → 1.089; net returns 0.1, −0.1, 0, 0.1.
		expect(s.total_return).toBeCloseTo(0.089, 14);
		expect(s.max_drawdown).toBeCloseTo(0.1, 14);
		expect(s.drawdown).toEqual({ peak: 1, trough: 2 });
		expect(s.trades).toBe(3);
		const sd = Math.sqrt((0.075 ** 2 + 0.125 ** 2 + 0.025 ** 2 + 0.075 ** 2) / 3);
		expect(s.sharpe).toBeCloseTo((0.025 / sd) * Math.sqrt(252), 10);
		expect(s.equity).toBe(run.equity);
	});
	it('gives a flat run zero return, zero drawdown and no Sharpe ratio', () => {
		const run = runBacktest({
			close: Float64Array.of(1, 2, 3),
			positions: Float64Array.of(0, 0),
			index: Int32Array.of(0, 1),
			feeBps: 10,
			periodsPerYear: 252
		});
		const s = summarizeBacktest(run, 252);
		expect([s.total_return, s.max_drawdown, s.sharpe, s.trades]).toEqual([0, 0, null, 0]);
	});
});
