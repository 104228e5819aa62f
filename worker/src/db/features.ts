/**
 * D1 statements for feature pipelines: a `feature_sets` row, one `features` row per output column and
 * the `feature_pipelines` row (0004), returned as prepared statements for one `db.batch()` (one
 * transaction). Every value is bound, never spliced into SQL.
 */
import type { ProcessingStatus, Transformation } from '../../../src/lib/core/protocol';

export interface PipelineRow {
	id: string;
	ownerId: string;
	featureSetId: string;
	name: string;
	dataHash: string;
	specHash: string;
	dataSourceKind: 'inline' | 'dataset';
	spec: unknown;
	outputFormat: string;
	status: ProcessingStatus;
	rows: number | null;
	warmup: number | null;
	/** Output column → the transformation that made it (labels map to their spec). */
	columns: { name: string; config: Transformation | Record<string, unknown> }[];
}

export function insertPipelineStatements(
	db: D1Database,
	row: PipelineRow,
	at = new Date()
): D1PreparedStatement[] {
	const now = at.toISOString();
	return [
		db
			.prepare(
				`INSERT INTO feature_sets (id, owner_id, data_source_id, name, description, created_at, updated_at)
				 VALUES (?, ?, NULL, ?, ?, ?, ?)`
			)
			.bind(row.featureSetId, row.ownerId, row.name, `pipeline ${row.specHash}`, now, now),
		...row.columns.map((c) =>
			db
				.prepare(
					`INSERT INTO features (id, feature_set_id, name, transformation_config, created_at)
					 VALUES (?, ?, ?, ?, ?)`
				)
				.bind(crypto.randomUUID(), row.featureSetId, c.name, JSON.stringify(c.config), now)
		),
		db
			.prepare(
				`INSERT INTO feature_pipelines (id, owner_id, feature_set_id, data_hash, spec_hash,
				 data_source_kind, spec, output_format, processing_status, rows, warmup, created_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
			)
			.bind(
				row.id,
				row.ownerId,
				row.featureSetId,
				row.dataHash,
				row.specHash,
				row.dataSourceKind,
				JSON.stringify(row.spec),
				row.outputFormat,
				row.status,
				row.rows,
				row.warmup,
				now
			)
	];
}
