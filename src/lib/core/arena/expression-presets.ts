import type { ExpressionStrategy } from './expression-contender';

/**
 * Classic rules as expression templates with small grids, so the walk-forward fit has something to
 * choose and the DSR counts honest trials.
 *
 * - SMA crossover: long while the fast simple moving average is above the slow one.
 * - RSI mean reversion: Cutler's RSI (simple averages of up moves over absolute moves, in [0, 1]);
 *   long when it is below 0.5 − band (oversold), short above 0.5 + band. Wilder's smoothed RSI is not
 *   in the expression language; Cutler's differs only in the averaging (Wilder, *New Concepts in
 *   Technical Trading Systems*, 1978).
 * - Momentum: long when the n-bar rate of change is positive (time-series momentum, Moskowitz, Ooi &
 *   Pedersen, *JFE* 104(2), 2012).
 */
export const EXPRESSION_PRESETS: readonly ExpressionStrategy[] = [
	{
		id: 'sma-cross',
		label: 'SMA crossover',
		template: 'Mean($close, {fast}) / Mean($close, {slow}) - 1',
		grid: { fast: [5, 10, 20], slow: [50, 100] },
		threshold: 0,
		allowShort: false
	},
	{
		id: 'rsi-reversion',
		label: 'RSI mean reversion',
		template:
			'0.5 - Mean(Greater($close - Ref($close, 1), 0), {n}) / Mean(Abs($close - Ref($close, 1)), {n})',
		grid: { n: [7, 14, 28] },
		threshold: 0.2,
		allowShort: true
	},
	{
		id: 'momentum',
		label: 'Momentum',
		template: '$close / Ref($close, {n}) - 1',
		grid: { n: [20, 60, 120] },
		threshold: 0,
		allowShort: false
	}
];
