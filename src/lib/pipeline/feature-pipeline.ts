/**
 * Feature pipelines in the data worker: validate the spec → look up the cache by (dataset content
 * hash, spec hash) → on a miss, run it on the CPU and store the table → summarise for the designer.
 */
import type { GpuContext } from '$lib/compute/device';
import { pipelineGpuSteps } from '$lib/compute/indicators/pipeline-gpu-steps';
import type { OhlcvSeries } from '$lib/core/ohlcv';
import {
	correlationMatrix,
	previewRows,
	runPipelineCancellable,
	specHash,
	validatePipelineSpec,
	type FeatureTable,
	type PreviewRow
} from '$lib/core/pipelines';
import { err, ok, type Result } from '$lib/core/result';
import type { AxonDb } from '$lib/store/db';
import { findCachedPipeline, savePipeline } from '$lib/store/pipeline-repository';
import type { FeaturePipelineRecord } from '$lib/store/records-pipeline';
import { newId } from '$lib/store/repositories';
import type { ProgressFn } from './progress';

/** The heat map stays readable (and its matrix small) up to this many columns. */
export const MAX_HEATMAP_COLUMNS = 40;

export interface PipelineSummary {
	id: string;
	cacheHit: boolean;
	datasetId: string;
	datasetHash: string;
	specHash: string;
	names: string[];
	warmup: number;
	labelCount: number;
	rows: number;
	/** First and last rows, warm-up flagged. */
	preview: PreviewRow[];
	/** Pearson correlation of the feature columns (labels excluded) on the rows after warm-up. */
	correlation: { names: string[]; matrix: number[][] };
	/** Columns the GPU engine computed (empty on the CPU engine), and the adapter it ran on. */
	gpuColumns: string[];
	adapter: string | null;
}

export function tableOf(record: FeaturePipelineRecord, time: Float64Array): FeatureTable {
	return {
		time,
		names: record.names ?? [],
		columns: record.columns ?? [],
		warmup: record.warmup ?? 0,
		labelCount: record.labelCount ?? 0
	};
}

export function summarise(
	record: FeaturePipelineRecord,
	time: Float64Array,
	cacheHit: boolean
): PipelineSummary {
	const table = tableOf(record, time);
	const featureCount = Math.min(table.names.length - table.labelCount, MAX_HEATMAP_COLUMNS);
	return {
		id: record.id,
		cacheHit,
		datasetId: record.datasetId ?? '',
		datasetHash: record.datasetHash,
		specHash: record.specHash,
		names: table.names,
		warmup: table.warmup,
		labelCount: table.labelCount,
		rows: time.length,
		preview: previewRows(table),
		correlation: {
			names: table.names.slice(0, featureCount),
			matrix: correlationMatrix(table.columns.slice(0, featureCount), table.warmup)
		},
		gpuColumns: record.gpuColumns ?? [],
		adapter: record.adapter ?? null
	};
}

/**
 * Computes (or finds cached) the pipeline `spec` on a stored dataset. A bad spec is a `bad_input`
 * naming the transformation; nothing is stored unless the whole table was computed.
 *
 * @example
 * const r = await computePipeline(db, datasetId, { transformations: [{ kind: 'indicator', id: 'rsi' }] });
 * if (r.ok) r.value.cacheHit; // false the first time, true after
 */
export async function computePipeline(
	db: AxonDb,
	datasetId: string,
	spec: unknown,
	options: {
		onProgress?: ProgressFn;
		signal?: AbortSignal;
		/** The GPU engine: indicator steps with a WebGPU plan run on this device (f32), the rest on the CPU. */
		gpu?: GpuContext | null;
	} = {}
): Promise<Result<PipelineSummary>> {
	const validated = validatePipelineSpec(spec);
	if (!validated.ok) return validated;
	const dataset = await db.datasets.get(datasetId);
	if (!dataset) return err('not_found', 'That dataset is no longer stored. Import it again.');
	// The engines agree within f32 tolerance, not bit for bit: each caches its own table.
	const hash = `${await specHash(validated.value)}${options.gpu ? ':gpu' : ''}`;
	const cached = await findCachedPipeline(db, dataset.contentHash, hash);
	if (cached) return ok(summarise(cached, dataset.columns.time, true));

	const series: OhlcvSeries = { symbol: dataset.symbol, ...dataset.columns };
	const precomputed = options.gpu
		? await pipelineGpuSteps(options.gpu, series, validated.value.steps, {
				signal: options.signal,
				onStep: (done, total, names) =>
					options.onProgress?.({
						phase: 'features',
						fraction: (0.5 * done) / total,
						message: `WebGPU: computed ${names.join(', ')}`
					})
			})
		: undefined;
	const gpuColumns = precomputed ? [...precomputed.keys()].flatMap((s) => s.names) : [];
	// Yields to the worker's event loop between steps so a Cancel (a port message) is seen mid-way.
	const table = await runPipelineCancellable(series, validated.value, {
		precomputed,
		signal: options.signal,
		onProgress: (done, total, names) =>
			options.onProgress?.({
				phase: 'features',
				fraction: done / total,
				message: `Computed ${names.join(', ')}`
			})
	});
	if (!table || options.signal?.aborted)
		return err('cancelled', 'Feature computation was cancelled.');
	const stored = await savePipeline(db, {
		id: newId(),
		datasetHash: dataset.contentHash,
		specHash: hash,
		datasetId,
		name: validated.value.spec.name ?? `${dataset.symbol} · ${table.names.length} columns`,
		spec: validated.value.spec,
		names: table.names,
		columns: table.columns,
		warmup: table.warmup,
		labelCount: table.labelCount,
		rows: table.time.length,
		createdAt: Date.now(),
		...(options.gpu
			? {
					gpuColumns: gpuColumns.filter((n) => table.names.includes(n)),
					adapter: `${options.gpu.adapterInfo.description || options.gpu.adapterInfo.architecture || 'WebGPU adapter'}${options.gpu.isSoftware ? ' (software, not a GPU)' : ''}`
				}
			: {})
	});
	return ok(summarise(stored, dataset.columns.time, false));
}
