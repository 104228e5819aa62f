/**
 * `run_artifacts` rows and their R2 keys. Keys are content addressed (`sha256/<hex>`): the same bytes
 * uploaded twice are stored once, and a key never depends on user text.
 */
import type { Artifact } from '../../../src/lib/core/protocol';

export const artifactKey = (sha256: string) => `sha256/${sha256}`;

export function insertArtifactStatement(
	db: D1Database,
	a: Artifact,
	createdBy: string
): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO run_artifacts (id, run_id, name, content_type, sha256, size_bytes, r2_key, created_by, created_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
		)
		.bind(
			a.id,
			a.run_id,
			a.name,
			a.content_type,
			a.sha256,
			a.size_bytes,
			artifactKey(a.sha256),
			createdBy,
			a.created_at
		);
}

export async function artifactNameTaken(
	db: D1Database,
	runId: string,
	name: string
): Promise<boolean> {
	const row = await db
		.prepare('SELECT 1 AS hit FROM run_artifacts WHERE run_id = ? AND name = ?')
		.bind(runId, name)
		.first<{ hit: number }>();
	return row !== null;
}

export async function listArtifacts(db: D1Database, runId: string): Promise<Artifact[]> {
	const { results } = await db
		.prepare(
			'SELECT id, run_id, name, content_type, sha256, size_bytes, created_at FROM run_artifacts WHERE run_id = ? ORDER BY created_at, id'
		)
		.bind(runId)
		.all<Artifact>();
	return results;
}
