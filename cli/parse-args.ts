import { parseArgs } from 'node:util';
import {
	DEFAULT_FEATURES,
	featureName,
	parseFeatureName,
	type FeatureSpec
} from '../src/lib/core/features';
import { err, ok, type Result } from '../src/lib/core/result';

export type CliCommand =
	| { kind: 'help' }
	| { kind: 'version' }
	| { kind: 'features'; input: string; output: string; specs: FeatureSpec[]; cpu: boolean };

/**
 * Turns argv (without `node axon.mjs`) into a command, or a `bad_input` error whose message says
 * what was wrong. No I/O: the command handlers do that.
 *
 * @example
 * parseCliArgs(['features', '-i', 'bars.csv', '-o', 'out.csv', '--features', 'ema_12']);
 */
export function parseCliArgs(argv: string[]): Result<CliCommand> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: {
				help: { type: 'boolean', short: 'h' },
				version: { type: 'boolean', short: 'v' },
				input: { type: 'string', short: 'i' },
				output: { type: 'string', short: 'o' },
				features: { type: 'string', short: 'f' },
				cpu: { type: 'boolean' }
			}
		});
	} catch (e) {
		return err('bad_input', `${e instanceof Error ? e.message : String(e)}. See axon --help.`);
	}
	const { values, positionals } = parsed;
	const [command, ...extra] = positionals;
	if (values.help || command === 'help') return ok({ kind: 'help' });
	if (values.version) return ok({ kind: 'version' });
	if (command === undefined) return err('bad_input', 'No command given. See axon --help.');
	if (command !== 'features')
		return err('bad_input', `Unknown command "${command}". See axon --help.`);
	if (extra.length > 0)
		return err('bad_input', `Unexpected argument "${extra[0]}". See axon --help.`);
	if (!values.input) return err('bad_input', 'features needs --input <bars.csv>.');
	if (!values.output) return err('bad_input', 'features needs --output <features.csv>.');
	const specs = parseFeatureList(values.features);
	if (!specs.ok) return specs;
	return ok({
		kind: 'features',
		input: values.input,
		output: values.output,
		specs: specs.value,
		cpu: values.cpu ?? false
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
