import { parseArgs } from 'node:util';
import type { FillPrice } from '../src/lib/core/arena';
import { compile } from '../src/lib/core/expr';
import {
	DEFAULT_FEATURES,
	featureName,
	parseFeatureName,
	type FeatureSpec
} from '../src/lib/core/features';
import { err, ok, type Result } from '../src/lib/core/result';
import type { BacktestArgs } from './backtest-command';
import type { MonteCarloArgs } from './montecarlo-command';
import type { TrainArgs } from './train-command';
import { parseNumberOption } from './parse-number-option';

export type CliCommand =
	| { kind: 'help' }
	| { kind: 'version' }
	| {
			kind: 'features';
			input: string;
			output: string;
			specs: FeatureSpec[];
			cpu: boolean;
			/** A feature-pipeline spec JSON (indicators, expressions, labels): replaces --features. */
			spec?: string;
	  }
	| ({ kind: 'backtest' } & BacktestArgs)
	| ({ kind: 'montecarlo' } & MonteCarloArgs)
	| ({ kind: 'train' } & TrainArgs);

const OPTIONS = {
	help: { type: 'boolean', short: 'h' },
	version: { type: 'boolean', short: 'v' },
	input: { type: 'string', short: 'i' },
	output: { type: 'string', short: 'o' },
	features: { type: 'string', short: 'f' },
	spec: { type: 'string' },
	cpu: { type: 'boolean' },
	signal: { type: 'string', short: 's' },
	threshold: { type: 'string' },
	'fee-bps': { type: 'string' },
	lag: { type: 'string' },
	fill: { type: 'string' },
	'stop-loss': { type: 'string' },
	'take-profit': { type: 'string' },
	paths: { type: 'string' },
	steps: { type: 'string' },
	block: { type: 'string' },
	seed: { type: 'string' },
	data: { type: 'string' },
	epochs: { type: 'string' },
	out: { type: 'string' },
	backend: { type: 'string' }
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
type OptionName = keyof typeof OPTIONS;

/** The options each command takes (besides --help and --version). */
const COMMAND_OPTIONS: Record<
	'features' | 'backtest' | 'montecarlo' | 'train',
	readonly OptionName[]
> = {
	features: ['input', 'output', 'features', 'cpu', 'spec'],
	backtest: [
		'input',
		'output',
		'signal',
		'threshold',
		'fee-bps',
		'lag',
		'fill',
		'stop-loss',
		'take-profit'
	],
	montecarlo: ['input', 'paths', 'steps', 'block', 'seed'],
	train: ['spec', 'data', 'epochs', 'seed', 'out', 'backend']
};

const FILLS: readonly FillPrice[] = ['next_open', 'close', 'vwap_proxy'];

/**
 * Turns argv (without `node axon.mjs`) into a command, or a `bad_input` error whose message says
 * what was wrong. No I/O: the command handlers do that.
 *
 * @example
 * parseCliArgs(['features', '-i', 'bars.csv', '-o', 'out.csv', '--features', 'ema_12']);
 * parseCliArgs(['backtest', '-i', 'bars.csv', '--signal', 'Mean($close, 5) / $close - 1']);
 */
export function parseCliArgs(argv: string[]): Result<CliCommand> {
	let parsed;
	try {
		parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
	} catch (e) {
		return err('bad_input', `${e instanceof Error ? e.message : String(e)}. See axon --help.`);
	}
	const { values, positionals } = parsed;
	const [command, ...extra] = positionals;
	if (values.help || command === 'help') return ok({ kind: 'help' });
	if (values.version) return ok({ kind: 'version' });
	if (command === undefined) return err('bad_input', 'No command given. See axon --help.');
	if (
		command !== 'features' &&
		command !== 'backtest' &&
		command !== 'montecarlo' &&
		command !== 'train'
	)
		return err('bad_input', `Unknown command "${command}". See axon --help.`);
	if (extra.length > 0)
		return err('bad_input', `Unexpected argument "${extra[0]}". See axon --help.`);
	const foreign = (Object.keys(values) as OptionName[]).find(
		(name) => !COMMAND_OPTIONS[command].includes(name)
	);
	if (foreign) return err('bad_input', `${command} does not take --${foreign}. See axon --help.`);
	if (command === 'train') return parseTrain(values);
	if (!values.input) return err('bad_input', `${command} needs --input <bars.csv>.`);
	if (command === 'backtest') return parseBacktest(values, values.input);
	if (command === 'montecarlo') return parseMonteCarlo(values, values.input);
	if (!values.output) return err('bad_input', 'features needs --output <features.csv>.');
	if (values.spec !== undefined && values.features !== undefined)
		return err('bad_input', 'features takes --spec or --features, not both.');
	const specs = parseFeatureList(values.features);
	if (!specs.ok) return specs;
	return ok({
		kind: 'features',
		input: values.input,
		output: values.output,
		specs: specs.value,
		cpu: values.cpu ?? false,
		...(values.spec === undefined ? {} : { spec: values.spec })
	});
}

function parseBacktest(values: Values, input: string): Result<CliCommand> {
	const signal = values.signal;
	if (signal === undefined) return err('bad_input', 'backtest needs --signal <expression>.');
	// Compiled here only to check it: a typo is a command-line error (exit 2) found before any I/O.
	const compiled = compile(signal);
	if (!compiled.ok) return err('bad_input', `--signal: ${compiled.message}`);
	const fill = values.fill ?? 'next_open';
	if (!(FILLS as readonly string[]).includes(fill))
		return err('bad_input', `--fill must be one of ${FILLS.join(', ')}, got "${fill}".`);
	const threshold = parseNumberOption('threshold', values.threshold, 0, { min: 0, says: '≥ 0' });
	if (!threshold.ok) return threshold;
	const feeBps = parseNumberOption('fee-bps', values['fee-bps'], 5, { min: 0, says: '≥ 0' });
	if (!feeBps.ok) return feeBps;
	const lag = parseNumberOption('lag', values.lag, 1, {
		integer: true,
		min: 0,
		says: 'an integer ≥ 0'
	});
	if (!lag.ok) return lag;
	const stopLoss = parseNumberOption('stop-loss', values['stop-loss'], undefined, {
		min: Number.MIN_VALUE,
		below: 1,
		says: 'a fraction in (0, 1), e.g. 0.05 for 5%'
	});
	if (!stopLoss.ok) return stopLoss;
	const takeProfit = parseNumberOption('take-profit', values['take-profit'], undefined, {
		min: Number.MIN_VALUE,
		says: 'a fraction > 0, e.g. 0.1 for 10%'
	});
	if (!takeProfit.ok) return takeProfit;
	return ok({
		kind: 'backtest',
		input,
		signal,
		threshold: threshold.value,
		feeBps: feeBps.value,
		lag: lag.value,
		fill: fill as FillPrice,
		...(stopLoss.value === undefined ? {} : { stopLoss: stopLoss.value }),
		...(takeProfit.value === undefined ? {} : { takeProfit: takeProfit.value }),
		...(values.output === undefined ? {} : { output: values.output })
	});
}

function parseMonteCarlo(values: Values, input: string): Result<CliCommand> {
	const count = { integer: true, min: 1, says: 'an integer ≥ 1' };
	const paths = parseNumberOption('paths', values.paths, 10_000, count);
	if (!paths.ok) return paths;
	const steps = parseNumberOption('steps', values.steps, 252, count);
	if (!steps.ok) return steps;
	const block = parseNumberOption('block', values.block, 10, { min: 1, says: '≥ 1 (bars)' });
	if (!block.ok) return block;
	const seed = parseNumberOption('seed', values.seed, 1, {
		integer: true,
		min: 0,
		below: 2 ** 32,
		says: 'an integer in [0, 2^32)'
	});
	if (!seed.ok) return seed;
	return ok({
		kind: 'montecarlo',
		input,
		paths: paths.value,
		steps: steps.value,
		block: block.value,
		seed: seed.value
	});
}

function parseTrain(values: Values): Result<CliCommand> {
	if (!values.spec) return err('bad_input', 'train needs --spec <model.json>.');
	if (!values.data) return err('bad_input', 'train needs --data <bars.csv>.');
	const epochs = parseNumberOption('epochs', values.epochs, undefined, {
		integer: true,
		min: 1,
		says: 'an integer ≥ 1'
	});
	if (!epochs.ok) return epochs;
	const seed = parseNumberOption('seed', values.seed, 1, {
		integer: true,
		min: 0,
		below: 2 ** 32,
		says: 'an integer in [0, 2^32)'
	});
	if (!seed.ok) return seed;
	const backend = values.backend ?? 'cpu';
	if (backend !== 'cpu' && backend !== 'webgpu')
		return err('bad_input', `--backend must be cpu or webgpu, got "${backend}".`);
	return ok({
		kind: 'train',
		spec: values.spec,
		data: values.data,
		...(epochs.value === undefined ? {} : { epochs: epochs.value }),
		seed: seed.value,
		out: values.out ?? 'axon-model',
		backend
	});
}

function parseFeatureList(list: string | undefined): Result<FeatureSpec[]> {
	if (list === undefined) return ok([...DEFAULT_FEATURES]);
	const names = list
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	if (names.length === 0)
		return err('bad_input', '--features is empty; name at least one feature.');
	const specs: FeatureSpec[] = [];
	for (const name of names) {
		const r = parseFeatureName(name);
		if (!r.ok) return r;
		if (specs.some((s) => featureName(s) === featureName(r.value))) {
			return err('bad_input', `Feature "${name}" is listed twice.`);
		}
		specs.push(r.value);
	}
	return ok(specs);
}
