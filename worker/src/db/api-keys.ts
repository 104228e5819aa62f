/**
 * The `api_keys` table (migration 0001): hashed, scoped, revocable keys for programs. Only the
 * SHA-256 of the secret is stored; `key_prefix` (`axk_<id>`) lets a person recognise a key.
 */
import type { ApiKeyInfo, PermissionName } from '../../../src/lib/core/protocol';

export interface ApiKeyRow {
	id: string;
	user_id: string;
	name: string;
	key_prefix: string;
	key_hash: string;
	scopes: string;
	created_at: string;
	last_used_at: string | null;
	expires_at: string | null;
	revoked_at: string | null;
}

export function insertApiKeyStatement(db: D1Database, row: ApiKeyRow): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO api_keys (id, user_id, name, key_prefix, key_hash, scopes, created_at,
			   last_used_at, expires_at, revoked_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		)
		.bind(
			row.id,
			row.user_id,
			row.name,
			row.key_prefix,
			row.key_hash,
			row.scopes,
			row.created_at,
			row.last_used_at,
			row.expires_at,
			row.revoked_at
		);
}

export async function findApiKeyById(db: D1Database, id: string): Promise<ApiKeyRow | null> {
	return db.prepare('SELECT * FROM api_keys WHERE id = ?').bind(id).first<ApiKeyRow>();
}

export async function listApiKeys(db: D1Database, userId: string): Promise<ApiKeyRow[]> {
	const { results } = await db
		.prepare('SELECT * FROM api_keys WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT 100')
		.bind(userId)
		.all<ApiKeyRow>();
	return results;
}

export function revokeApiKeyStatement(
	db: D1Database,
	id: string,
	userId: string,
	at = new Date()
): D1PreparedStatement {
	return db
		.prepare(
			'UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL'
		)
		.bind(at.toISOString(), id, userId);
}

/** How stale last_used_at may get before a request rewrites it: one write a minute per key at most. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export async function touchApiKey(db: D1Database, id: string, at = new Date()): Promise<void> {
	await db
		.prepare(
			'UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)'
		)
		.bind(at.toISOString(), id, new Date(at.getTime() - LAST_USED_RESOLUTION_MS).toISOString())
		.run();
}

export function parseScopes(row: ApiKeyRow): PermissionName[] {
	try {
		const value: unknown = JSON.parse(row.scopes);
		return Array.isArray(value)
			? value.filter((s): s is PermissionName => typeof s === 'string')
			: [];
	} catch {
		return [];
	}
}

export function toApiKeyInfo(row: ApiKeyRow): ApiKeyInfo {
	return {
		id: row.id,
		name: row.name,
		key_prefix: row.key_prefix,
		scopes: parseScopes(row),
		created_at: row.created_at,
		last_used_at: row.last_used_at,
		expires_at: row.expires_at,
		revoked_at: row.revoked_at
	};
}
