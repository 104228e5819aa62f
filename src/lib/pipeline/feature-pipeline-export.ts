/**
 * Exports a cached pipeline as CSV, JSON or Parquet (formats and their NaN rules:
 * core/pipelines/export-*.ts and docs/features.md).
 */
import { featureTableToCsv, featureTableToJson, featureTableToParquet } from '$lib/core/pipelines';
import type { ExportFormat } from '$lib/core/protocol/features';
import { err, ok, type Result } from '$lib/core/result';
import type { AxonDb } from '$lib/store/db';
import { getPipeline } from '$lib/store/pipeline-repository';
import { tableOf } from './feature-pipeline';

export interface ExportedFile {
	filename: string;
	mime: string;
	bytes: ArrayBuffer;
}

const MIME: Record<ExportFormat, string> = {
	csv: 'text/csv',
	json: 'application/json',
	parquet: 'application/vnd.apache.parquet'
};

const utf8 = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer as ArrayBuffer;

export async function exportPipeline(
	db: AxonDb,
	pipelineId: string,
	format: ExportFormat
): Promise<Result<ExportedFile>> {
	const record = await getPipeline(db, pipelineId);
	if (!record) return err('not_found', 'That feature set is no longer cached. Compute it again.');
	const dataset = record.datasetId ? await db.datasets.get(record.datasetId) : undefined;
	if (!dataset) return err('not_found', 'The dataset of that feature set is no longer stored.');
	const table = tableOf(record, dataset.columns.time);
	const bytes =
		format === 'csv'
			? utf8(featureTableToCsv(table))
			: format === 'json'
				? utf8(JSON.stringify(featureTableToJson(table)))
				: featureTableToParquet(table);
	const base = `${dataset.symbol}-features-${record.specHash.slice(0, 8)}`.replace(/[^\w.-]/g, '_');
	return ok({ filename: `${base}.${format}`, mime: MIME[format], bytes });
}
