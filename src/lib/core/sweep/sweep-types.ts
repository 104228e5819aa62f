export interface SweepOptions {
	/** Cost per unit of traded notional, in basis points of equity (10 = 0.1%). */
	feeBps: number;
	/** Bars per year (252 for daily), for the annualised Sharpe ratio and turnover. */
	periodsPerYear: number;
	/** Bars from the signal to the return it earns; 1 (default) = decide at close t, earn t → t + 1. */
	signalLag?: number;
	/** Global column indices whose full equity curves to keep (others are only summarised). */
	keepEquity?: readonly number[];
}

/**
 * Metrics of columns [from, to) of a sweep, one typed-array entry per column (entry i is column
 * from + i), so a chunk crosses a worker boundary as transferable buffers.
 */
export interface SweepChunk {
	from: number;
	to: number;
	/** Tradable bars each column ran over: the returns behind every per-bar statistic. */
	bars: number;
	/** Final equity − 1 (equity starts at 1). */
	finalReturn: Float64Array;
	/** Mean net return per bar. */
	meanReturn: Float64Array;
	/** Sample standard deviation (divisor bars − 1) of net returns per bar. */
	sdReturn: Float64Array;
	/** Annualised Sharpe ratio, as `sharpeRatio` (risk-free 0); NaN where it is undefined. */
	sharpe: Float64Array;
	/** Largest peak-to-trough fall of equity, as a positive fraction (0.25 = −25%). */
	maxDrawdown: Float64Array;
	/** Position changes, counting the first entry and exits over gaps. */
	trades: Float64Array;
	/** Σ |Δposition|, in multiples of equity. */
	turnover: Float64Array;
	/** turnover / bars × periodsPerYear. */
	turnoverPerYear: Float64Array;
	/** Equity curves (bars + 1 values, from 1) of the columns asked for in `keepEquity`. */
	equity: Map<number, Float64Array>;
}
