/**
 * The model registry tables: `models`, `model_versions` (immutable once written), `model_aliases`.
 * Owner-scoped like experiments: another user's model is indistinguishable from a missing one.
 */
import type {
	ArtifactFormat,
	Model,
	ModelAlias,
	ModelCreate,
	ModelStatus,
	ModelVersion
} from '../../../src/lib/core/protocol';
import { encodeCursor, type CursorKey } from './cursor';

interface ModelRow {
	id: string;
	owner_id: string;
	experiment_id: string | null;
	name: string;
	description: string | null;
	model_type: string;
	architecture: string;
	hyperparameters: string;
	card: string;
	status: ModelStatus;
	best_score: number | null;
	created_at: string;
	updated_at: string;
}

export interface VersionRow {
	id: string;
	model_id: string;
	version: number;
	artifact_key: string | null;
	metadata: string;
	metrics: string;
	format: ArtifactFormat | null;
	sha256: string | null;
	size_bytes: number | null;
	performance_score: number | null;
	created_by: string | null;
	created_at: string;
}

export function newModel(ownerId: string, input: ModelCreate, at = new Date()): Model {
	const now = at.toISOString();
	return {
		id: crypto.randomUUID(),
		owner_id: ownerId,
		experiment_id: input.experiment_id ?? null,
		name: input.name,
		description: input.description ?? null,
		model_type: input.model_type,
		architecture: input.architecture,
		hyperparameters: input.hyperparameters,
		card: input.card,
		status: 'training',
		best_score: null,
		created_at: now,
		updated_at: now
	};
}

export function insertModelStatement(db: D1Database, m: Model): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO models (id, owner_id, experiment_id, name, description, model_type, architecture,
			   hyperparameters, card, status, best_score, created_at, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		)
		.bind(
			m.id,
			m.owner_id,
			m.experiment_id,
			m.name,
			m.description,
			m.model_type,
			JSON.stringify(m.architecture),
			JSON.stringify(m.hyperparameters),
			JSON.stringify(m.card),
			m.status,
			m.best_score,
			m.created_at,
			m.updated_at
		);
}

export async function getOwnedModel(
	db: D1Database,
	ownerId: string,
	id: string
): Promise<Model | null> {
	const row = await db
		.prepare('SELECT * FROM models WHERE id = ? AND owner_id = ?')
		.bind(id, ownerId)
		.first<ModelRow>();
	return row ? modelFromRow(row) : null;
}

export async function listOwnedModels(
	db: D1Database,
	ownerId: string,
	{ limit, after, status }: { limit: number; after?: CursorKey; status?: ModelStatus }
): Promise<{ items: Model[]; next_cursor: string | null }> {
	const where = ['owner_id = ?'];
	const binds: unknown[] = [ownerId];
	if (status) {
		where.push('status = ?');
		binds.push(status);
	}
	if (after) {
		where.push('(created_at < ? OR (created_at = ? AND id < ?))');
		binds.push(after.created_at, after.created_at, after.id);
	}
	const { results } = await db
		.prepare(
			`SELECT * FROM models WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`
		)
		.bind(...binds, limit + 1)
		.all<ModelRow>();
	const page = results.slice(0, limit);
	const last = page.at(-1);
	return {
		items: page.map(modelFromRow),
		next_cursor: results.length > limit && last ? encodeCursor(last) : null
	};
}

/** Guarded by the status the caller saw, so two concurrent transitions cannot both apply. */
export function setModelStatusStatement(
	db: D1Database,
	id: string,
	from: ModelStatus,
	to: ModelStatus,
	at: string
): D1PreparedStatement {
	return db
		.prepare('UPDATE models SET status = ?, updated_at = ? WHERE id = ? AND status = ?')
		.bind(to, at, id, from);
}

export interface NewVersion {
	id: string;
	modelId: string;
	format: ArtifactFormat;
	key: string;
	sha256: string;
	sizeBytes: number;
	metadata: Record<string, unknown>;
	metrics: Record<string, number>;
	performanceScore: number | null;
	createdBy: string;
	createdAt: string;
}

/**
 * Version numbers are assigned in SQL (max + 1) inside the insert, and (model_id, version) is unique,
 * so two concurrent uploads can never get the same number; one of them fails and is retried by the
 * client.
 */
export function insertVersionStatement(db: D1Database, v: NewVersion): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO model_versions (id, model_id, version, artifact_key, metadata, metrics, format, sha256,
			   size_bytes, performance_score, created_by, created_at)
			 SELECT ?, ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?
			 FROM model_versions WHERE model_id = ?`
		)
		.bind(
			v.id,
			v.modelId,
			v.key,
			JSON.stringify(v.metadata),
			JSON.stringify(v.metrics),
			v.format,
			v.sha256,
			v.sizeBytes,
			v.performanceScore,
			v.createdBy,
			v.createdAt,
			v.modelId
		);
}

/** Keeps `models.best_score` the best performance score over its versions. */
export function bumpBestScoreStatement(
	db: D1Database,
	modelId: string,
	at: string
): D1PreparedStatement {
	return db
		.prepare(
			`UPDATE models SET updated_at = ?,
			   best_score = (SELECT max(performance_score) FROM model_versions WHERE model_id = ?)
			 WHERE id = ?`
		)
		.bind(at, modelId, modelId);
}

export async function getVersionRow(
	db: D1Database,
	modelId: string,
	version: number
): Promise<VersionRow | null> {
	return db
		.prepare('SELECT * FROM model_versions WHERE model_id = ? AND version = ?')
		.bind(modelId, version)
		.first<VersionRow>();
}

export async function getVersionById(db: D1Database, id: string): Promise<VersionRow | null> {
	return db.prepare('SELECT * FROM model_versions WHERE id = ?').bind(id).first<VersionRow>();
}

export async function latestVersionRow(
	db: D1Database,
	modelId: string
): Promise<VersionRow | null> {
	return db
		.prepare('SELECT * FROM model_versions WHERE model_id = ? ORDER BY version DESC LIMIT 1')
		.bind(modelId)
		.first<VersionRow>();
}

export async function listVersions(db: D1Database, modelId: string): Promise<ModelVersion[]> {
	const { results } = await db
		.prepare('SELECT * FROM model_versions WHERE model_id = ? ORDER BY version DESC LIMIT 500')
		.bind(modelId)
		.all<VersionRow>();
	return results.map(versionFromRow);
}

export async function getAlias(
	db: D1Database,
	modelId: string,
	alias: string
): Promise<ModelAlias | null> {
	return db
		.prepare(
			'SELECT alias, version, updated_by, updated_at FROM model_aliases WHERE model_id = ? AND alias = ?'
		)
		.bind(modelId, alias)
		.first<ModelAlias>();
}

export async function listAliases(db: D1Database, modelId: string): Promise<ModelAlias[]> {
	const { results } = await db
		.prepare(
			'SELECT alias, version, updated_by, updated_at FROM model_aliases WHERE model_id = ? ORDER BY alias'
		)
		.bind(modelId)
		.all<ModelAlias>();
	return results;
}

export function upsertAliasStatement(
	db: D1Database,
	modelId: string,
	alias: string,
	version: number,
	actorId: string,
	at: string
): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO model_aliases (model_id, alias, version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT (model_id, alias) DO UPDATE SET version = excluded.version,
			   updated_by = excluded.updated_by, updated_at = excluded.updated_at`
		)
		.bind(modelId, alias, version, actorId, at);
}

export function deleteAliasStatement(
	db: D1Database,
	modelId: string,
	alias: string
): D1PreparedStatement {
	return db
		.prepare('DELETE FROM model_aliases WHERE model_id = ? AND alias = ?')
		.bind(modelId, alias);
}

/** Alias moves, oldest first, from the audit log (written in the same batch as each move). */
export async function aliasEvents(db: D1Database, modelId: string) {
	const { results } = await db
		.prepare(
			`SELECT actor_id, details, created_at FROM audit_log
			 WHERE target_type = 'model' AND target_id = ? AND action IN ('model.alias.set', 'model.alias.delete')
			 ORDER BY id LIMIT 1000`
		)
		.bind(modelId)
		.all<{ actor_id: string | null; details: string; created_at: string }>();
	return results.map((r) => {
		const d = JSON.parse(r.details) as {
			alias: string;
			from_version: number | null;
			to_version: number | null;
		};
		return {
			alias: d.alias,
			from_version: d.from_version,
			to_version: d.to_version,
			actor_id: r.actor_id,
			at: r.created_at
		};
	});
}

function modelFromRow(row: ModelRow): Model {
	return {
		...row,
		architecture: JSON.parse(row.architecture),
		hyperparameters: JSON.parse(row.hyperparameters),
		card: JSON.parse(row.card)
	};
}

export function versionFromRow(row: VersionRow): ModelVersion {
	return {
		id: row.id,
		model_id: row.model_id,
		version: row.version,
		format: row.format ?? 'opaque',
		sha256: row.sha256 ?? '',
		size_bytes: row.size_bytes ?? 0,
		metadata: JSON.parse(row.metadata),
		metrics: JSON.parse(row.metrics),
		performance_score: row.performance_score,
		created_by: row.created_by,
		created_at: row.created_at
	};
}
