/**
 * `/api/v1/auth/sessions`: the caller's signed-in devices, and revoking one (which ends its refresh
 * token and every access token minted from it at once). Someone else's session is a 404. Signed-in
 * people only: an API key cannot list or end sessions.
 */
import type { Revoked, SessionInfo, SessionList } from '../../../src/lib/core/protocol';
import { requireSignedIn } from '../auth/require-role';
import type { AppContext } from '../context';
import { auditStatement } from '../db/audit';
import {
	findSessionById,
	listSessions as listSessionRows,
	revokeSessionStatement,
	type SessionRow
} from '../db/sessions';
import { HttpError } from '../http/errors';
import { jsonResponse } from '../http/respond';

function toInfo(row: SessionRow, currentId: string | undefined): SessionInfo {
	return {
		id: row.id,
		created_at: row.created_at,
		last_used_at: row.last_used_at,
		expires_at: row.expires_at,
		revoked_at: row.revoked_at,
		user_agent: row.user_agent,
		ip: row.ip,
		current: row.id === currentId
	};
}

export async function listSessions(c: AppContext): Promise<Response> {
	const user = await requireSignedIn(c, 'keys:manage');
	const rows = await listSessionRows(c.env.DB, user.id);
	return jsonResponse(200, {
		items: rows.map((r) => toInfo(r, user.sessionId))
	} satisfies SessionList);
}

export async function revokeSession(c: AppContext, id: string): Promise<Response> {
	const user = await requireSignedIn(c, 'keys:manage');
	const row = id.length <= 64 ? await findSessionById(c.env.DB, id) : null;
	if (!row || row.user_id !== user.id || row.revoked_at !== null) {
		throw new HttpError('not_found', 'No active session with that id in your account.');
	}
	const at = new Date();
	await c.env.DB.batch([
		revokeSessionStatement(c.env.DB, id, user.id, at),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'auth.session_revoke',
			targetType: 'session',
			targetId: id,
			ip: c.ip
		})
	]);
	return jsonResponse(200, { id, revoked_at: at.toISOString() } satisfies Revoked);
}
