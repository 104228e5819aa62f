import { maxDrawdown } from '../../backtest/max-drawdown';
import { sharpeRatio } from '../../backtest/sharpe-ratio';
import type { SimulationResult } from '../simulate';
import { annualizedVolatility } from './annualized-volatility';
import { averageTradeDuration } from './average-trade-duration';
import { benchmarkComparison, type BenchmarkComparison } from './benchmark-comparison';
import { cagr } from './cagr';
import { calmarRatio } from './calmar-ratio';
import { conditionalValueAtRisk } from './conditional-value-at-risk';
import { expectancy } from './expectancy';
import { exposure } from './exposure';
import { informationCoefficient } from './information-coefficient';
import { kellyFraction } from './kelly-fraction';
import { maxDrawdownDuration } from './max-drawdown-duration';
import { omegaRatio } from './omega-ratio';
import { profitFactor } from './profit-factor';
import { rankInformationCoefficient } from './rank-information-coefficient';
import { sortinoRatio } from './sortino-ratio';
import { systemQualityNumber } from './system-quality-number';
import { turnover } from './turnover';
import { ulcerIndex } from './ulcer-index';
import { valueAtRisk } from './value-at-risk';
import { winRate } from './win-rate';

export interface MetricsOptions {
	/** Bars per year (252 for daily bars, 252 × 6.5 × 60 for US minute bars). */
	periodsPerYear: number;
	/** Per-bar benchmark returns aligned with the result, e.g. `buyAndHoldReturns(series.close)`. */
	benchmark?: Float64Array;
	/** A signal per bar and the forward returns it predicts, for IC and rank IC. */
	signal?: Float64Array;
	forwardReturns?: Float64Array;
}

/** Every arena metric of one simulation; null where undefined (too few values, zero variance…). */
export interface ArenaMetrics {
	bars: number;
	totalReturn: number | null;
	cagr: number | null;
	annualizedVolatility: number | null;
	sharpe: number | null;
	sortino: number | null;
	calmar: number | null;
	omega: number | null;
	/** Positive fraction of the peak, over the curve starting at initial cash. */
	maxDrawdown: number | null;
	/** Bars, over the same curve. */
	maxDrawdownDuration: number | null;
	/** Fraction (× 100 for Martin's percent). */
	ulcerIndex: number | null;
	/** Historical, per bar, positive loss; tail of ⌈0.05 n⌉ bars. */
	var95: number | null;
	cvar95: number | null;
	trades: number;
	winRate: number | null;
	profitFactor: number | null;
	/** Mean P&L per trade, in the account's currency. */
	expectancy: number | null;
	sqn: number | null;
	kelly: number | null;
	/** Multiples of equity traded per year. */
	turnover: number | null;
	exposure: number | null;
	/** Bars. */
	averageTradeDuration: number | null;
	ic: number | null;
	rankIc: number | null;
	benchmark: BenchmarkComparison | null;
}

/**
 * All arena metrics of a simulation. Return metrics use `result.returns` (one per bar, the first
 * against initial cash); drawdown metrics use the curve [initialCash, ...equity]; trade metrics use
 * every trade in the log, including one still open at the end (marked at the last close, exit
 * reason 'end_of_data'). Sharpe is `core/backtest`'s `sharpeRatio` with risk-free 0.
 *
 * @example
 * const m = computeMetrics(simulate(series, targets, config), {
 *   periodsPerYear: 252,
 *   benchmark: buyAndHoldReturns(series.close)
 * });
 * m.sharpe; m.maxDrawdown; m.benchmark?.informationRatio;
 */
export function computeMetrics(result: SimulationResult, options: MetricsOptions): ArenaMetrics {
	const { periodsPerYear } = options;
	const { equity, returns, initialCash, trades: log } = result;
	const n = equity.length;
	const curve = new Float64Array(n + 1);
	curve[0] = initialCash;
	curve.set(equity, 1);
	const pnl = log.pnl.subarray(0, log.count);
	const annualGrowth = cagr(initialCash, curve[n], n, periodsPerYear);
	const dd = n > 0 ? maxDrawdown(curve).maxDrawdown : null;
	const hasIc = options.signal !== undefined && options.forwardReturns !== undefined;
	return {
		bars: n,
		totalReturn: n > 0 ? curve[n] / initialCash - 1 : null,
		cagr: annualGrowth,
		annualizedVolatility: annualizedVolatility(returns, periodsPerYear),
		sharpe: sharpeRatio(returns, periodsPerYear),
		sortino: sortinoRatio(returns, periodsPerYear),
		calmar: calmarRatio(annualGrowth, dd),
		omega: omegaRatio(returns),
		maxDrawdown: dd,
		maxDrawdownDuration: n > 0 ? maxDrawdownDuration(curve) : null,
		ulcerIndex: n > 0 ? ulcerIndex(curve) : null,
		var95: valueAtRisk(returns, 0.95),
		cvar95: conditionalValueAtRisk(returns, 0.95),
		trades: log.count,
		winRate: winRate(pnl),
		profitFactor: profitFactor(pnl),
		expectancy: expectancy(pnl),
		sqn: systemQualityNumber(pnl),
		kelly: kellyFraction(pnl),
		turnover: turnover(result.notional, equity, initialCash, periodsPerYear),
		exposure: exposure(result.units),
		averageTradeDuration: averageTradeDuration(log.entryBar, log.exitBar, log.count),
		ic: hasIc ? informationCoefficient(options.signal!, options.forwardReturns!) : null,
		rankIc: hasIc ? rankInformationCoefficient(options.signal!, options.forwardReturns!) : null,
		benchmark: options.benchmark
			? benchmarkComparison(returns, options.benchmark, periodsPerYear)
			: null
	};
}
