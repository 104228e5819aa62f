/**
 * The audit trail: one row per mutation (and per sign-in attempt). Returned as a prepared statement so
 * callers can put it in the same `db.batch()` as the change it records: D1 runs a batch as one
 * transaction, so a change is never stored without its audit row or the other way round.
 */
export interface AuditEntry {
	actorId: string | null;
	action: string;
	targetType?: string;
	targetId?: string;
	ip: string | null;
	details?: Record<string, unknown>;
}

export function auditStatement(
	db: D1Database,
	entry: AuditEntry,
	at = new Date()
): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO audit_log (actor_id, action, target_type, target_id, ip, details, created_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?)`
		)
		.bind(
			entry.actorId,
			entry.action,
			entry.targetType ?? null,
			entry.targetId ?? null,
			entry.ip,
			entry.details ? JSON.stringify(entry.details) : null,
			at.toISOString()
		);
}
