import { runMonteCarloCpu } from '../src/lib/core/montecarlo';
import { EXIT, type CliIo } from './io';
import { logReturns } from './log-returns';
import { formatMonteCarloReport } from './montecarlo-report';
import { readBars } from './read-bars';

export interface MonteCarloArgs {
	input: string;
	paths: number;
	steps: number;
	/** Mean block length of the stationary bootstrap, in bars. */
	block: number;
	seed: number;
}

/** Equity at or below this fraction of the start counts as ruin (the engine's default). */
const RUIN_THRESHOLD = 0.5;

/** `axon montecarlo`: bars → log returns → block-bootstrap paths on the CPU → distribution table. */
export async function runMonteCarloCommand(args: MonteCarloArgs, io: CliIo): Promise<number> {
	const fail = (message: string) => {
		io.stderr(`axon montecarlo: ${message}\n`);
		return EXIT.failed;
	};
	const bars = await readBars(args.input);
	if (!bars.ok) return fail(bars.message);
	for (const warning of bars.value.warnings) io.stderr(`note: ${warning}\n`);
	const returns = logReturns(bars.value.series.close);
	if (returns.length < 2)
		return fail(`${args.input}: need at least 3 bars with a positive close to bootstrap returns`);
	try {
		const result = runMonteCarloCpu({
			model: { kind: 'bootstrap', returns, meanBlockLength: args.block },
			paths: args.paths,
			steps: args.steps,
			seed: args.seed,
			ruinThreshold: RUIN_THRESHOLD,
			periodsPerYear: 252
		});
		io.stdout(
			formatMonteCarloReport(result, {
				returns: returns.length,
				block: args.block,
				seed: args.seed,
				ruinThreshold: RUIN_THRESHOLD
			})
		);
		return EXIT.ok;
	} catch (e) {
		return fail(e instanceof Error ? e.message : String(e));
	}
}
