/**
 * The data worker's API: import, synthesise, and compute features. Every method returns a Result;
 * nothing throws across the worker boundary.
 */
import { transfer } from 'comlink';
import { acquireGpu, type GpuContext } from '$lib/compute/device';
import type { FeatureSpec } from '$lib/core/features';
import { err, ok, type Result } from '$lib/core/result';
import { signalFromPort } from '$lib/bridge/abort-port';
import type { AxonDb } from '$lib/store/db';
import { buildFeatureSet, type FeatureSetSummary } from './build-feature-set';
import type { DatasetSummary } from './dataset-summary';
import { createSyntheticDataset, storeIfLongEnough, type SyntheticRequest } from './import-dataset';
import {
	applyFixes,
	inspectCsv,
	inspectRaw,
	readImportFile,
	type FixOptions,
	type InspectedImport
} from './review-import';
import { computePipeline, type PipelineSummary } from './feature-pipeline';
import { exportPipeline, type ExportedFile } from './feature-pipeline-export';
import type { ExportFormat } from '$lib/core/protocol/features';
import type { QualityReport } from '$lib/core/quality';
import type { ProgressFn } from './progress';

export interface GpuStatus {
	available: boolean;
	adapter: string | null;
	software: boolean;
	message: string;
}

function decodeText(input: ArrayBuffer | string): string | null {
	if (typeof input === 'string') return input;
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(input);
	} catch {
		return null;
	}
}

async function guard<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
	try {
		return await work();
	} catch (e) {
		return err('internal', e instanceof Error ? e.message : String(e));
	}
}

export interface ImportMeta {
	name: string;
	symbol: string;
	source: string;
}

/** One series found in an uploaded file, held until committed: a file with a symbol column gives several. */
export interface InspectedItem {
	token: string;
	file: string;
	symbol: string;
	rows: number;
	report: QualityReport;
	clean: boolean;
	warnings: string[];
}

/** `SPY` from `spy_daily.csv`: the file name up to the first `_`, `-`, space or dot, upper-cased. */
const symbolFromFileName = (name: string): string =>
	(name.split(/[._\s-]/)[0] || 'DATA').toUpperCase().slice(0, 40);

/** Where a pipeline's indicators run: see `computePipeline` below. */
export type PipelineEngine = 'cpu' | 'gpu' | 'auto';

export function createDataApi(db: () => AxonDb, gpu: () => GPU | undefined) {
	let context: Promise<Result<GpuContext>> | null = null;
	const device = () => (context ??= acquireGpu(gpu()));
	// Files read and assessed but not yet committed, by token (kept only until commit or discard).
	const pending = new Map<string, { inspected: InspectedImport; meta: ImportMeta }>();

	return {
		async gpuStatus(): Promise<GpuStatus> {
			const r = await device();
			if (!r.ok) return { available: false, adapter: null, software: false, message: r.message };
			const info = r.value.adapterInfo;
			const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' · ');
			return {
				available: true,
				adapter: name || 'unknown adapter',
				software: r.value.isSoftware,
				message: r.value.isSoftware
					? 'WebGPU runs on a software adapter (CPU emulation): correct but slow.'
					: 'WebGPU runs on a hardware adapter.'
			};
		},

		/**
		 * Reads a file leniently and returns its quality report; stores nothing. Commit it with
		 * `commitImport(token, fixes)` or drop it with `discardImport(token)`.
		 */
		inspectImport(
			input: ArrayBuffer | string,
			meta: ImportMeta,
			onProgress?: ProgressFn
		): Promise<
			Result<{ token: string; report: QualityReport; clean: boolean; warnings: string[] }>
		> {
			return guard(async () => {
				onProgress?.({ phase: 'read', fraction: 0.1, message: 'Reading and checking quality' });
				const text = decodeText(input);
				if (text === null)
					return err('bad_input', 'The file is not UTF-8 text. Upload a CSV file.');
				const inspected = inspectCsv(text, meta.symbol);
				if (!inspected.ok) return inspected;
				const token = crypto.randomUUID();
				pending.set(token, { inspected: inspected.value, meta });
				onProgress?.({ phase: 'read', fraction: 1 });
				const { report, clean, raw } = inspected.value;
				return ok({ token, report, clean, warnings: raw.warnings });
			});
		},

		/** Applies the chosen fixes to an inspected file and stores it (all or nothing). */
		commitImport(token: string, fixes: FixOptions): Promise<Result<DatasetSummary>> {
			return guard(async () => {
				const entry = pending.get(token);
				if (!entry) return err('not_found', 'That file is no longer held. Choose it again.');
				const fixed = applyFixes(entry.inspected.raw, entry.inspected.report, fixes);
				if (!fixed.ok) return fixed;
				pending.delete(token);
				const { series, applied } = fixed.value;
				return storeIfLongEnough(db(), series, {
					name: entry.meta.name,
					source: entry.meta.source,
					warnings: [...entry.inspected.raw.warnings, ...applied]
				});
			});
		},

		/**
		 * Reads several files (CSV/TSV, JSON, Parquet; `File`s are passed by reference, not copied)
		 * and returns one inspected item per symbol. All or nothing: if one file cannot be read, the
		 * error names it and nothing from this call is held.
		 */
		inspectFiles(
			files: { file: Blob; name: string }[],
			onProgress?: ProgressFn
		): Promise<Result<{ items: InspectedItem[] }>> {
			return guard(async () => {
				const items: InspectedItem[] = [];
				const held: [string, { inspected: InspectedImport; meta: ImportMeta }][] = [];
				for (const [k, { file, name }] of files.entries()) {
					const raws = await readImportFile(file, { name, symbol: symbolFromFileName(name) }, (p) =>
						onProgress?.({ ...p, fraction: (k + p.fraction) / files.length })
					);
					if (!raws.ok) return { ...raws, message: `${name}: ${raws.message}` };
					for (const raw of raws.value) {
						const inspected = inspectRaw(raw);
						if (!inspected.ok)
							return { ...inspected, message: `${name} (${raw.symbol}): ${inspected.message}` };
						const token = crypto.randomUUID();
						const multi = raws.value.length > 1;
						const meta = {
							name: multi ? `${name} · ${raw.symbol}` : name,
							symbol: raw.symbol,
							source: `upload ${name}`
						};
						held.push([token, { inspected: inspected.value, meta }]);
						const { report, clean } = inspected.value;
						items.push({
							token,
							file: name,
							symbol: raw.symbol,
							rows: raw.time.length,
							report,
							clean,
							warnings: raw.warnings
						});
					}
				}
				for (const [token, entry] of held) pending.set(token, entry);
				onProgress?.({ phase: 'read', fraction: 1 });
				return ok({ items });
			});
		},

		async discardImport(token: string): Promise<void> {
			pending.delete(token);
		},

		/**
		 * Computes a feature pipeline spec on a dataset, or returns the cached result (`cacheHit`).
		 * `engine` 'gpu' runs the indicators that have a WebGPU plan on the device (a clear error if
		 * there is no adapter); 'auto' does so on a hardware GPU only — on a software adapter the CPU
		 * path is ~25× faster (BENCHMARKS.md).
		 */
		computePipeline(
			datasetId: string,
			spec: unknown,
			port?: MessagePort,
			onProgress?: ProgressFn,
			engine: PipelineEngine = 'cpu'
		): Promise<Result<PipelineSummary>> {
			return guard(async () => {
				let gpu: GpuContext | null = null;
				if (engine !== 'cpu') {
					const r = await device();
					if (r.ok && (engine === 'gpu' || !r.value.isSoftware)) gpu = r.value;
					else if (!r.ok && engine === 'gpu')
						return err(
							'gpu_unavailable',
							`WebGPU is not available here (${r.message}); choose the CPU engine.`
						);
				}
				return computePipeline(db(), datasetId, spec, {
					onProgress,
					signal: signalFromPort(port),
					gpu
				});
			});
		},

		/** A cached pipeline as a file; the bytes are transferred to the page. */
		exportPipeline(pipelineId: string, format: ExportFormat): Promise<Result<ExportedFile>> {
			return guard(async () => {
				const r = await exportPipeline(db(), pipelineId, format);
				return r.ok ? transfer(r, [r.value.bytes]) : r;
			});
		},

		generateSynthetic(req: SyntheticRequest): Promise<Result<DatasetSummary>> {
			return guard(() => createSyntheticDataset(db(), req));
		},

		computeFeatures(
			datasetId: string,
			specs: FeatureSpec[],
			options: { preferCpu: boolean },
			port?: MessagePort,
			onProgress?: ProgressFn
		): Promise<Result<FeatureSetSummary>> {
			return guard(async () => {
				const signal = signalFromPort(port);
				onProgress?.({ phase: 'features', fraction: 0.05, message: 'Acquiring WebGPU' });
				let ctx: GpuContext | null = null;
				let gpuNotice: string | undefined;
				if (options.preferCpu) gpuNotice = 'CPU chosen: computed by the CPU twin.';
				else {
					const r = await device();
					if (r.ok) ctx = r.value;
					else gpuNotice = `WebGPU unavailable (${r.message}): computed on the CPU.`;
				}
				onProgress?.({ phase: 'features', fraction: 0.2, message: 'Computing features' });
				const result = await buildFeatureSet(db(), datasetId, specs, {
					gpu: ctx,
					signal,
					gpuNotice
				});
				onProgress?.({ phase: 'features', fraction: 1 });
				if (!result.ok) return result;
				// The preview columns move to the page instead of being copied.
				const { time, columns } = result.value.preview;
				const buffers = [time.buffer, ...columns.map((c) => c.buffer)] as ArrayBuffer[];
				return transfer(result, buffers);
			});
		}
	};
}

export type DataApi = ReturnType<typeof createDataApi>;
