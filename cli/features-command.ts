import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { OhlcvSeries } from '../src/lib/core/ohlcv';
import { featureTableToCsv } from '../src/lib/core/pipelines/export-csv';
import { featureTableToJson } from '../src/lib/core/pipelines/export-json';
import { featureTableToParquet } from '../src/lib/core/pipelines/export-parquet';
import { runPipeline } from '../src/lib/core/pipelines/run-pipeline';
import { validatePipelineSpec } from '../src/lib/core/pipelines/validate-pipeline-spec';
import { err, ok, type Result } from '../src/lib/core/result';
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
	/** Path of a feature-pipeline spec JSON; when set, `specs` is ignored. */
	spec?: string;
}

/** `writeFileAtomic` for binary output (Parquet): a temporary file beside it, then a rename. */
async function writeBytesAtomic(path: string, bytes: Uint8Array): Promise<void> {
	const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	try {
		await writeFile(temp, bytes, { flag: 'wx' });
		await rename(temp, path);
	} catch (e) {
		await rm(temp, { force: true });
		throw e;
	}
}

/** The output file for a computed pipeline, in the format its extension names (CSV by default). */
async function pipelineOutput(
	series: OhlcvSeries,
	specPath: string,
	output: string
): Promise<Result<{ bytes: string | Uint8Array; rows: number; columns: number; warmup: number }>> {
	let json: unknown;
	try {
		json = JSON.parse(await readFile(specPath, 'utf8'));
	} catch (e) {
		return err('bad_input', `--spec ${specPath}: ${e instanceof Error ? e.message : String(e)}`);
	}
	const pipeline = validatePipelineSpec(json);
	if (!pipeline.ok) return err('bad_input', `--spec ${specPath}: ${pipeline.message}`);
	const table = runPipeline(series, pipeline.value);
	const format = extname(output).toLowerCase();
	const bytes =
		format === '.json'
			? JSON.stringify(featureTableToJson(table))
			: format === '.parquet'
				? new Uint8Array(featureTableToParquet(table))
				: featureTableToCsv(table);
	return ok({ bytes, rows: table.time.length, columns: table.names.length, warmup: table.warmup });
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
	if (args.spec !== undefined) {
		const out = await pipelineOutput(series, args.spec, args.output);
		if (!out.ok) return fail(out.message);
		const { bytes } = out.value;
		await (typeof bytes === 'string'
			? writeFileAtomic(args.output, bytes)
			: writeBytesAtomic(args.output, bytes));
		const { rows, columns, warmup } = out.value;
		io.stderr(
			`wrote ${rows} rows × ${columns} columns to ${args.output} (warm-up ${warmup} rows)\n`
		);
		return EXIT.ok;
	}

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
