/**
 * An audit row that is written only if a condition holds when the batch reaches it. Used after a
 * guarded write (`UPDATE ... WHERE version = ?`): D1 runs a batch as one transaction, so checking the
 * guarded row's new state right after it tells whether the write applied, and a refused write leaves
 * no audit row behind. Same columns as `auditStatement` (db/audit.ts).
 */
import type { AuditEntry } from './audit';

export function auditIfStatement(
	db: D1Database,
	entry: AuditEntry,
	condition: { sql: string; binds: unknown[] },
	at = new Date()
): D1PreparedStatement {
	return db
		.prepare(
			`INSERT INTO audit_log (actor_id, action, target_type, target_id, ip, details, created_at)
			 SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (${condition.sql})`
		)
		.bind(
			entry.actorId,
			entry.action,
			entry.targetType ?? null,
			entry.targetId ?? null,
			entry.ip,
			entry.details ? JSON.stringify(entry.details) : null,
			at.toISOString(),
			...condition.binds
		);
}
