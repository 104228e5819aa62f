/**
 * `share_links`: read-only, expiring, revocable links to one object. Only the SHA-256 of a token is
 * stored (like api_keys), so a database leak does not leak working links.
 */
import type { ShareLink, ShareTarget } from '../../../src/lib/core/protocol';

export interface ShareRow {
	id: string;
	owner_id: string;
	token_hash: string;
	target_type: ShareTarget;
	target_id: string;
	created_at: string;
	expires_at: string;
	revoked_at: string | null;
}

export function insertShareStatement(db: D1Database, row: ShareRow): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO share_links (id, owner_id, token_hash, target_type, target_id, created_at, expires_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?)`
		)
		.bind(
			row.id,
			row.owner_id,
			row.token_hash,
			row.target_type,
			row.target_id,
			row.created_at,
			row.expires_at
		);
}

export async function findShareByHash(db: D1Database, tokenHash: string): Promise<ShareRow | null> {
	return db
		.prepare('SELECT * FROM share_links WHERE token_hash = ?')
		.bind(tokenHash)
		.first<ShareRow>();
}

export async function getOwnedShare(
	db: D1Database,
	ownerId: string,
	id: string
): Promise<ShareRow | null> {
	return db
		.prepare('SELECT * FROM share_links WHERE id = ? AND owner_id = ?')
		.bind(id, ownerId)
		.first<ShareRow>();
}

export async function listOwnedShares(db: D1Database, ownerId: string): Promise<ShareLink[]> {
	const { results } = await db
		.prepare(
			'SELECT * FROM share_links WHERE owner_id = ? ORDER BY created_at DESC, id DESC LIMIT 200'
		)
		.bind(ownerId)
		.all<ShareRow>();
	return results.map(shareFromRow);
}

export function revokeShareStatement(db: D1Database, id: string, at: string): D1PreparedStatement {
	return db
		.prepare('UPDATE share_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
		.bind(at, id);
}

/** Whether `ownerId` owns the target (experiments, models, battle sessions all have owner_id). */
export async function ownsTarget(
	db: D1Database,
	ownerId: string,
	type: ShareTarget,
	id: string
): Promise<boolean> {
	const table = TARGET_TABLE[type];
	const row = await db
		.prepare(`SELECT 1 AS hit FROM ${table} WHERE id = ? AND owner_id = ?`)
		.bind(id, ownerId)
		.first<{ hit: number }>();
	return row !== null;
}

/** Whitelisted: the table name comes from this map, never from the request. */
const TARGET_TABLE: Record<ShareTarget, string> = {
	experiment: 'experiments',
	model: 'models',
	battle_session: 'battle_sessions'
};

export function shareFromRow(row: ShareRow): ShareLink {
	return {
		id: row.id,
		target_type: row.target_type,
		target_id: row.target_id,
		created_at: row.created_at,
		expires_at: row.expires_at,
		revoked_at: row.revoked_at
	};
}
