import { register } from 'node:module';
import type { CliIo } from './io';

export interface TrainArgs {
	/** Model spec JSON: a zoo ModelSpec, `{ model, training }`, or `{ model_type, window, units }`. */
	spec: string;
	/** Bar CSV (the format `axon features` reads). */
	data: string;
	epochs?: number;
	seed: number;
	/** Directory the exported model is written to. */
	out: string;
	backend: 'cpu' | 'webgpu';
}

/**
 * The training engine and the model zoo import `$lib/…` (SvelteKit's alias), which the CLI's tsx
 * (tsconfig off, see axon.mjs) does not resolve: a resolve hook maps it to src/lib before they load.
 */
const LIB_ALIAS_HOOKS = `let lib;
export async function initialize(data) { lib = data.lib; }
export async function resolve(specifier, context, next) {
	if (specifier === '$lib' || specifier.startsWith('$lib/')) return next(lib + specifier.slice(4), context);
	return next(specifier, context);
}`;

let aliasRegistered = false;

/** `axon train`: spec + bars → train (same engine as the worker) → metrics → exported model. */
export async function runTrainCommand(args: TrainArgs, io: CliIo): Promise<number> {
	if (!aliasRegistered) {
		register(`data:text/javascript,${encodeURIComponent(LIB_ALIAS_HOOKS)}`, {
			data: { lib: new URL('../src/lib', import.meta.url).href }
		});
		aliasRegistered = true;
	}
	const { trainFromFiles } = await import('./train-run');
	return trainFromFiles(args, io);
}
