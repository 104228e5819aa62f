import type { ArenaMetrics } from '../src/lib/core/arena';
import { probabilisticSharpeRatio, sampleMoments, sharpeVerdict } from '../src/lib/core/stats';
import { formatFixed, formatPercent, formatTable } from './format-table';

/**
 * The PSR of a per-bar return series against SR* = 0 (Bailey & López de Prado 2012): the per-period
 * Sharpe, skewness and raw kurtosis all come from the same returns, as the PSR requires.
 *
 * @example
 * returnsPsr(result.returns); // 0.87: probability the true Sharpe is above 0
 */
export function returnsPsr(returns: Float64Array): number {
	const m = sampleMoments(returns);
	return probabilisticSharpeRatio({
		sharpe: m.mean / Math.sqrt(m.variance),
		n: m.n,
		skew: m.skewness,
		kurtosis: m.excessKurtosis + 3
	});
}

/**
 * What `axon backtest` prints: the metrics table, then the PSR and its verdict for a single,
 * pre-registered trial (the CLI runs one signal, so no deflation applies).
 */
export function formatBacktestReport(metrics: ArenaMetrics, psr: number): string {
	const table = formatTable([
		['metric', 'value'],
		['total return', formatPercent(metrics.totalReturn)],
		['CAGR', formatPercent(metrics.cagr)],
		['Sharpe', formatFixed(metrics.sharpe)],
		['Sortino', formatFixed(metrics.sortino)],
		['max drawdown', formatPercent(metrics.maxDrawdown)],
		['trades', String(metrics.trades)],
		['win rate', formatPercent(metrics.winRate)],
		['exposure', formatPercent(metrics.exposure)],
		['PSR (SR > 0)', formatFixed(psr)]
	]);
	return `${table}\nverdict: ${sharpeVerdict({ psr, trials: 1 })}\n`;
}
