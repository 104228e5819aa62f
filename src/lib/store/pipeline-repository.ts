/**
 * The feature-pipeline cache: one computed table per (dataset content hash, spec hash), enforced by
 * the unique compound index `[datasetHash+specHash]` (db.ts v2).
 */
import type { AxonDb } from './db';
import type { FeaturePipelineRecord } from './records-pipeline';

export type PipelineListing = Omit<FeaturePipelineRecord, 'columns'>;

/** The cached pipeline for this data and spec, or undefined. */
export function findCachedPipeline(
	db: AxonDb,
	datasetHash: string,
	specHash: string
): Promise<FeaturePipelineRecord | undefined> {
	return db.featurePipelines
		.where('[datasetHash+specHash]')
		.equals([datasetHash, specHash])
		.first();
}

/**
 * Stores a computed pipeline unless the same (data, spec) is already cached, in one transaction;
 * returns whichever record is stored (so two racing computations keep one).
 */
export function savePipeline(
	db: AxonDb,
	record: FeaturePipelineRecord
): Promise<FeaturePipelineRecord> {
	return db.transaction('rw', db.featurePipelines, async () => {
		const existing = await findCachedPipeline(db, record.datasetHash, record.specHash);
		if (existing) return existing;
		await db.featurePipelines.add(record);
		return record;
	});
}

/** Every cached pipeline, newest first, without its columns. */
export async function listPipelines(db: AxonDb): Promise<PipelineListing[]> {
	const records = await db.featurePipelines.orderBy('createdAt').reverse().toArray();
	return records.map(({ columns: _columns, ...rest }) => rest);
}

export function getPipeline(db: AxonDb, id: string): Promise<FeaturePipelineRecord | undefined> {
	return db.featurePipelines.get(id);
}

export function deletePipeline(db: AxonDb, id: string): Promise<void> {
	return db.featurePipelines.delete(id);
}
