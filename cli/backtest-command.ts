import { resolve } from 'node:path';
import {
	computeMetrics,
	simulate,
	tradeList,
	type ExecutionConfig,
	type FillPrice
} from '../src/lib/core/arena';
import { evaluate } from '../src/lib/core/expr';
import { formatBacktestReport, returnsPsr } from './backtest-report';
import { formatTradeCsv } from './format-trade-csv';
import { EXIT, type CliIo } from './io';
import { readBars } from './read-bars';
import { signalTargets } from './signal-targets';
import { writeFileAtomic } from './write-file-atomic';

export interface BacktestArgs {
	input: string;
	/** An expression of `src/lib/core/expr`, e.g. `Mean($close, 5) / Mean($close, 20) - 1`. */
	signal: string;
	threshold: number;
	feeBps: number;
	lag: number;
	fill: FillPrice;
	stopLoss?: number;
	takeProfit?: number;
	/** Where to write the trade list; none when absent. */
	output?: string;
}

/** `axon backtest`: bars → signal → ±1/0 targets → simulate → metrics on stdout, trades CSV. */
export async function runBacktestCommand(args: BacktestArgs, io: CliIo): Promise<number> {
	const fail = (message: string, code: number = EXIT.failed) => {
		io.stderr(`axon backtest: ${message}\n${args.output ? 'No output written.\n' : ''}`);
		return code;
	};
	if (args.output && resolve(args.input) === resolve(args.output))
		return fail('--output is the input file; choose another path.');
	const bars = await readBars(args.input);
	if (!bars.ok) return fail(bars.message);
	for (const warning of bars.value.warnings) io.stderr(`note: ${warning}\n`);
	const { series } = bars.value;

	const signal = evaluate(args.signal, series);
	if (!signal.ok) return fail(`--signal: ${signal.message}`, EXIT.usage);
	const config: ExecutionConfig = {
		lag: args.lag,
		fill: args.fill,
		fees: { bps: args.feeBps },
		stops: { stopLoss: args.stopLoss, takeProfit: args.takeProfit }
	};
	try {
		const result = simulate(series, signalTargets(signal.value, args.threshold), config);
		const metrics = computeMetrics(result, { periodsPerYear: 252 });
		if (args.output) await writeFileAtomic(args.output, formatTradeCsv(tradeList(result.trades)));
		io.stdout(formatBacktestReport(metrics, returnsPsr(result.returns)));
		if (args.output) io.stderr(`wrote ${result.trades.count} trades to ${args.output}\n`);
		return EXIT.ok;
	} catch (e) {
		return fail(e instanceof Error ? e.message : String(e));
	}
}
