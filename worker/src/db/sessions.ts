/**
 * The `sessions` table: one row per signed-in device, holding the SHA-256 of its current refresh
 * token (and of the one before, for theft detection). Access tokens name their session (`sid`), so
 * revoking a row ends both the refresh token and every access token minted from it.
 */
import type { UserRow } from './users';

export interface SessionRow {
	id: string;
	user_id: string;
	refresh_hash: string;
	previous_hash: string | null;
	created_at: string;
	last_used_at: string;
	expires_at: string;
	revoked_at: string | null;
	user_agent: string | null;
	ip: string | null;
}

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function newSession(
	userId: string,
	refreshHash: string,
	client: { userAgent: string | null; ip: string | null },
	at = new Date()
): SessionRow {
	const now = at.toISOString();
	return {
		id: crypto.randomUUID(),
		user_id: userId,
		refresh_hash: refreshHash,
		previous_hash: null,
		created_at: now,
		last_used_at: now,
		expires_at: new Date(at.getTime() + SESSION_TTL_MS).toISOString(),
		revoked_at: null,
		// Bounded: a user agent is display text for the sessions page, not something to store whole.
		user_agent: client.userAgent?.slice(0, 300) ?? null,
		ip: client.ip
	};
}

export function insertSessionStatement(db: D1Database, s: SessionRow): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO sessions (id, user_id, refresh_hash, previous_hash, created_at, last_used_at,
			   expires_at, revoked_at, user_agent, ip)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		)
		.bind(
			s.id,
			s.user_id,
			s.refresh_hash,
			s.previous_hash,
			s.created_at,
			s.last_used_at,
			s.expires_at,
			s.revoked_at,
			s.user_agent,
			s.ip
		);
}

export async function findSessionById(db: D1Database, id: string): Promise<SessionRow | null> {
	return db.prepare('SELECT * FROM sessions WHERE id = ?').bind(id).first<SessionRow>();
}

/** The session whose current or previous refresh hash is `hash`, saying which one matched. */
export async function findSessionByRefreshHash(
	db: D1Database,
	hash: string
): Promise<{ session: SessionRow; rotated: boolean } | null> {
	const current = await db
		.prepare('SELECT * FROM sessions WHERE refresh_hash = ?')
		.bind(hash)
		.first<SessionRow>();
	if (current) return { session: current, rotated: false };
	const previous = await db
		.prepare('SELECT * FROM sessions WHERE previous_hash = ?')
		.bind(hash)
		.first<SessionRow>();
	return previous ? { session: previous, rotated: true } : null;
}

/**
 * Swaps in a new refresh hash only if the old one is still current: two concurrent refreshes with the
 * same token cannot both succeed (the loser sees 0 changes and is treated as a replay).
 */
export function rotateRefreshStatement(
	db: D1Database,
	id: string,
	oldHash: string,
	newHash: string,
	at = new Date()
): D1PreparedStatement {
	return db
		.prepare(
			`UPDATE sessions SET refresh_hash = ?, previous_hash = ?, last_used_at = ?
			 WHERE id = ? AND refresh_hash = ? AND revoked_at IS NULL`
		)
		.bind(newHash, oldHash, at.toISOString(), id, oldHash);
}

export function revokeSessionStatement(
	db: D1Database,
	id: string,
	userId: string,
	at = new Date()
): D1PreparedStatement {
	return db
		.prepare(
			'UPDATE sessions SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL'
		)
		.bind(at.toISOString(), id, userId);
}

/** The user's sessions, newest first; expired ones older than a day are left out as clutter. */
export async function listSessions(db: D1Database, userId: string): Promise<SessionRow[]> {
	const { results } = await db
		.prepare(
			`SELECT * FROM sessions WHERE user_id = ? AND expires_at > ?
			 ORDER BY created_at DESC, id DESC LIMIT 100`
		)
		.bind(userId, new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString())
		.all<SessionRow>();
	return results;
}

export function isSessionLive(s: SessionRow, now = Date.now()): boolean {
	return s.revoked_at === null && Date.parse(s.expires_at) > now;
}

/**
 * The user behind a live session, in one read: a revoked or expired session, a session of another
 * user, or a deleted user all give null.
 */
export async function findLiveSessionUser(
	db: D1Database,
	sessionId: string,
	userId: string,
	now = new Date()
): Promise<UserRow | null> {
	return db
		.prepare(
			`SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id
			 WHERE sessions.id = ? AND sessions.user_id = ? AND sessions.revoked_at IS NULL
			   AND sessions.expires_at > ?`
		)
		.bind(sessionId, userId, now.toISOString())
		.first<UserRow>();
}
