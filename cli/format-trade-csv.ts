import type { Trade } from '../src/lib/core/arena';
import { formatTimestamp } from './format-feature-csv';

const HEADER = [
	'side',
	'entry_time',
	'entry_price',
	'exit_time',
	'exit_price',
	'units',
	'pnl',
	'fees',
	'bars_held',
	'exit_reason'
];

/**
 * The trade list as CSV, one round trip a row; side is `long` or `short`, prices and P&L in full
 * f64 precision (the account starts with cash 1, so P&L reads as a fraction of the start).
 *
 * @example
 * formatTradeCsv(tradeList(result.trades));
 * // 'side,entry_time,…\nlong,2024-01-03,101.5,2024-01-10,103,0.00985,0.0147,…,7,signal\n'
 */
export function formatTradeCsv(trades: readonly Trade[]): string {
	const lines = [HEADER.join(',')];
	for (const t of trades)
		lines.push(
			[
				t.side === 1 ? 'long' : 'short',
				formatTimestamp(t.entryTime),
				t.entryPrice,
				formatTimestamp(t.exitTime),
				t.exitPrice,
				t.units,
				t.pnl,
				t.fees,
				t.barsHeld,
				t.exitReason
			].join(',')
		);
	return lines.join('\n') + '\n';
}
