/**
 * The `battle_sessions` table and its rows in `performance_metrics`. JSON columns are stored as text
 * and mapped back to the shared `BattleSession` shape. Every read is scoped by owner: there is no
 * "get by id" without an owner, so a handler cannot serve someone else's session.
 */
import type {
	BattleMetric,
	BattleSession,
	BattleSessionCreateParsed,
	BattleStatus
} from '../../../src/lib/core/protocol';

interface BattleRow {
	id: string;
	owner_id: string;
	name: string;
	models_tested: string;
	duration_seconds: number | null;
	risk_limits: string;
	config: string;
	status: BattleStatus;
	results: string | null;
	created_at: string;
	updated_at: string;
}

export function newBattleSession(
	ownerId: string,
	input: BattleSessionCreateParsed,
	at = new Date()
): BattleSession {
	const now = at.toISOString();
	return {
		id: crypto.randomUUID(),
		owner_id: ownerId,
		name: input.name,
		models_tested: input.models_tested,
		status: input.status,
		duration_seconds: input.duration_seconds,
		risk_limits: input.risk_limits,
		config: input.config,
		results: input.results,
		created_at: now,
		updated_at: now
	};
}

export function insertBattleStatement(db: D1Database, s: BattleSession): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO battle_sessions (id, owner_id, name, models_tested, duration_seconds, risk_limits,
			   config, status, results, created_at, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		)
		.bind(
			s.id,
			s.owner_id,
			s.name,
			JSON.stringify(s.models_tested),
			s.duration_seconds,
			JSON.stringify(s.risk_limits),
			JSON.stringify(s.config),
			s.status,
			s.results === null ? null : JSON.stringify(s.results),
			s.created_at,
			s.updated_at
		);
}

/**
 * All of a session's metric rows in one statement: D1 allows 100 bound parameters, so the rows travel
 * as one JSON parameter unpacked by json_each (as `insertMetricsStatement` does for runs).
 */
export function insertBattleMetricsStatement(
	db: D1Database,
	sessionId: string,
	metrics: BattleMetric[],
	recordedAt: string
): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO performance_metrics (battle_session_id, name, step, value, recorded_at)
			 SELECT ?, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), ?
			 FROM json_each(?)`
		)
		.bind(sessionId, recordedAt, JSON.stringify(metrics.map((m) => [m.name, m.step, m.value])));
}

function toSession(row: BattleRow): BattleSession {
	return {
		id: row.id,
		owner_id: row.owner_id,
		name: row.name,
		models_tested: JSON.parse(row.models_tested),
		status: row.status,
		duration_seconds: row.duration_seconds,
		risk_limits: JSON.parse(row.risk_limits),
		config: JSON.parse(row.config),
		results: row.results === null ? null : JSON.parse(row.results),
		created_at: row.created_at,
		updated_at: row.updated_at
	};
}

export async function getOwnedBattle(
	db: D1Database,
	ownerId: string,
	id: string
): Promise<BattleSession | null> {
	const row = await db
		.prepare('SELECT * FROM battle_sessions WHERE id = ? AND owner_id = ?')
		.bind(id, ownerId)
		.first<BattleRow>();
	return row ? toSession(row) : null;
}

export async function listOwnedBattles(
	db: D1Database,
	ownerId: string,
	options: { limit: number; status?: BattleStatus }
): Promise<BattleSession[]> {
	const { results } = await db
		.prepare(
			`SELECT * FROM battle_sessions WHERE owner_id = ?1 AND (?2 IS NULL OR status = ?2)
			 ORDER BY created_at DESC, id DESC LIMIT ?3`
		)
		.bind(ownerId, options.status ?? null, options.limit)
		.all<BattleRow>();
	return results.map(toSession);
}

export async function battleMetrics(db: D1Database, sessionId: string): Promise<BattleMetric[]> {
	const { results } = await db
		.prepare(
			'SELECT name, value, step FROM performance_metrics WHERE battle_session_id = ? ORDER BY name, step'
		)
		.bind(sessionId)
		.all<BattleMetric>();
	return results;
}
