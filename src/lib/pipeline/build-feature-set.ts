/**
 * Feature engineering for a stored dataset: load columns → compute (WebGPU when an adapter is given,
 * else the CPU twin, with a notice saying so) → store the feature set.
 */
import type { GpuContext } from '$lib/compute/device';
import { computeFeatures } from '$lib/compute/features';
import type { FeatureSpec } from '$lib/core/features';
import type { OhlcvSeries } from '$lib/core/ohlcv';
import { err, ok, type Result } from '$lib/core/result';
import type { AxonDb } from '$lib/store/db';
import type { FeatureEngineInfo } from '$lib/store/records';
import { newId, saveFeatureSet } from '$lib/store/repositories';

export interface FeatureSetSummary {
	id: string;
	datasetId: string;
	names: string[];
	warmup: number;
	rows: number;
	engine: FeatureEngineInfo;
	/** A short preview for plotting: the last `preview` rows of each column. */
	preview: { time: Float64Array; columns: Float32Array[] };
}

export async function buildFeatureSet(
	db: AxonDb,
	datasetId: string,
	specs: FeatureSpec[],
	options: { gpu: GpuContext | null; signal?: AbortSignal; gpuNotice?: string; preview?: number }
): Promise<Result<FeatureSetSummary>> {
	const dataset = await db.datasets.get(datasetId);
	if (!dataset) return err('not_found', 'That dataset is no longer stored. Import it again.');
	if (specs.length === 0) return err('bad_input', 'Pick at least one feature.');
	const series: OhlcvSeries = { symbol: dataset.symbol, ...dataset.columns };
	let computed: Awaited<ReturnType<typeof computeFeatures>>;
	try {
		computed = await computeFeatures(series, specs, { gpu: options.gpu, signal: options.signal });
	} catch (e) {
		if (options.signal?.aborted) return err('cancelled', 'Feature computation was cancelled.');
		throw e;
	}
	const { matrix, engine } = computed;
	const info: FeatureEngineInfo = {
		kind: engine.kind,
		...(engine.adapter ? { adapter: engine.adapter } : {}),
		...(engine.software !== undefined ? { software: engine.software } : {}),
		...((options.gpuNotice ?? engine.notice) ? { notice: options.gpuNotice ?? engine.notice } : {})
	};
	const id = newId();
	await saveFeatureSet(db, {
		id,
		datasetId,
		specs: specs as unknown[],
		names: matrix.names,
		columns: matrix.columns,
		warmup: matrix.warmup,
		engine: info,
		createdAt: Date.now()
	});
	const n = matrix.length;
	const from = Math.max(0, n - (options.preview ?? 750));
	return ok({
		id,
		datasetId,
		names: matrix.names,
		warmup: matrix.warmup,
		rows: n,
		engine: info,
		preview: {
			time: dataset.columns.time.slice(from),
			columns: matrix.columns.map((c) => c.slice(from))
		}
	});
}
