import { resolve } from 'node:path';
import { computeFeatures } from '../src/lib/compute/features';
import { acquireNodeGpu } from '../src/lib/compute/node-gpu';
import type { FeatureSpec } from '../src/lib/core/features';
import { describeEngine } from './describe-engine';
import { formatFeatureCsv } from './format-feature-csv';
import { EXIT, type CliIo } from './io';
import { readBars } from './read-bars';
import { writeFileAtomic } from './write-file-atomic';

export interface FeaturesArgs {
	input: string;
	output: string;
	specs: FeatureSpec[];
	cpu: boolean;
}

/** `axon features`: read bars → compute (WebGPU or CPU) → write the CSV atomically. */
export async function runFeaturesCommand(args: FeaturesArgs, io: CliIo): Promise<number> {
	const fail = (message: string) => {
		io.stderr(`axon features: ${message}\nNo output written.\n`);
		return EXIT.failed;
	};
	if (resolve(args.input) === resolve(args.output))
		return fail('--output is the input file; choose another path.');
	const parsed = await readBars(args.input);
	if (!parsed.ok) return fail(parsed.message);
	for (const warning of parsed.value.warnings) io.stderr(`note: ${warning}\n`);
	const { series } = parsed.value;

	const gpu = args.cpu ? null : await acquireNodeGpu();
	const context = gpu?.ok ? gpu.value : null;
	try {
		const { matrix, engine } = await computeFeatures(series, args.specs, { gpu: context });
		const detail = !context && gpu && !gpu.ok ? { ...engine, notice: gpu.message } : engine;
		io.stderr(`${describeEngine(detail, args.cpu)}\n`);
		await writeFileAtomic(args.output, formatFeatureCsv(series.time, matrix));
		io.stderr(
			`wrote ${matrix.length} rows × ${matrix.names.length} features to ${args.output} (warm-up ${matrix.warmup} rows)\n`
		);
		return EXIT.ok;
	} catch (e) {
		return fail(e instanceof Error ? e.message : String(e));
	} finally {
		context?.device.destroy();
	}
}
