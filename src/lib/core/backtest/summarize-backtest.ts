import { maxDrawdown } from './max-drawdown';
import type { BacktestRun } from './run-backtest';
import { sharpeRatio } from './sharpe-ratio';
import { totalReturn } from './total-return';

/** Headline metrics (named as in `ExperimentResults`) plus the curves they come from. */
export interface BacktestSummary {
	total_return: number;
	/** Annualised; null when undefined (see `sharpeRatio`). */
	sharpe: number | null;
	/** Positive fraction of the peak. */
	max_drawdown: number;
	trades: number;
	turnover: number;
	/** Indices into `equity` of the worst drawdown's peak and trough. */
	drawdown: { peak: number; trough: number };
	equity: Float64Array;
	returns: Float64Array;
}

/**
 * The headline metrics of a backtest run: total return, annualised Sharpe ratio (risk-free 0) of the
 * net per-period returns, maximum drawdown of the equity curve, trade count and turnover.
 *
 * @example
 * const s = summarizeBacktest(runBacktest(input), 252);
 * s.total_return; s.sharpe; s.max_drawdown; s.trades;
 */
export function summarizeBacktest(run: BacktestRun, periodsPerYear: number): BacktestSummary {
	const dd = maxDrawdown(run.equity);
	return {
		total_return: totalReturn(run.equity),
		sharpe: sharpeRatio(run.returns, periodsPerYear),
		max_drawdown: dd.maxDrawdown,
		trades: run.trades,
		turnover: run.turnover,
		drawdown: { peak: dd.peak, trough: dd.trough },
		equity: run.equity,
		returns: run.returns
	};
}
