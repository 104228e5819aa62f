import { readFileSync } from 'node:fs';
import { runBacktestCommand } from './backtest-command';
import { runFeaturesCommand } from './features-command';
import { HELP_TEXT } from './help-text';
import { EXIT, type CliIo } from './io';
import { runMonteCarloCommand } from './montecarlo-command';
import { parseCliArgs } from './parse-args';
import { runTrainCommand } from './train-command';

/** The CLI: parse argv, run one command, return the exit code. Never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
	const command = parseCliArgs(argv);
	if (!command.ok) {
		io.stderr(`axon: ${command.message}\n`);
		return EXIT.usage;
	}
	switch (command.value.kind) {
		case 'help':
			io.stdout(HELP_TEXT);
			return EXIT.ok;
		case 'version': {
			const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
				version: string;
			};
			io.stdout(`axon ${pkg.version}\n`);
			return EXIT.ok;
		}
		case 'features':
			return runFeaturesCommand(command.value, io);
		case 'backtest':
			return runBacktestCommand(command.value, io);
		case 'montecarlo':
			return runMonteCarloCommand(command.value, io);
		case 'train':
			return runTrainCommand(command.value, io);
	}
}
