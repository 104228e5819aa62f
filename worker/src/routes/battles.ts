/**
 * `/api/v1/battle-arena/sessions`: store a finished battle session (with its metrics and an audit row,
 * in one D1 batch), list the caller's sessions, get one with its metrics. Someone else's session is a
 * 404, never a 403, so ids cannot be probed for existence.
 */
import {
	BattleSessionCreate,
	BattleSessionListQuery,
	type BattleSession,
	type BattleSessionDetail,
	type BattleSessionList
} from '../../../src/lib/core/protocol';
import { requirePermission } from '../auth/require-role';
import type { AppContext } from '../context';
import { auditStatement } from '../db/audit';
import {
	battleMetrics,
	getOwnedBattle,
	insertBattleMetricsStatement,
	insertBattleStatement,
	listOwnedBattles,
	newBattleSession
} from '../db/battles';
import { parseWith, readJsonBody } from '../http/body';
import { HttpError } from '../http/errors';
import { jsonResponse } from '../http/respond';

export async function createBattle(c: AppContext): Promise<Response> {
	const user = await requirePermission(c, 'battles:create');
	const input = await readJsonBody(c.request, BattleSessionCreate);
	const session = newBattleSession(user.id, input);
	const statements = [insertBattleStatement(c.env.DB, session)];
	if (input.metrics.length > 0)
		statements.push(
			insertBattleMetricsStatement(c.env.DB, session.id, input.metrics, session.created_at)
		);
	statements.push(
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'battle.create',
			targetType: 'battle_session',
			targetId: session.id,
			ip: c.ip,
			details: { contenders: input.models_tested.length, metrics: input.metrics.length }
		})
	);
	// One batch = one transaction: the session, its metrics and its audit row, or none of them.
	await c.env.DB.batch(statements);
	return jsonResponse(201, session satisfies BattleSession, {
		Location: `/api/v1/battle-arena/sessions/${session.id}`
	});
}

export async function listBattles(c: AppContext): Promise<Response> {
	const user = await requirePermission(c, 'battles:read');
	const query = parseWith(BattleSessionListQuery, Object.fromEntries(c.url.searchParams), 'query');
	const items = await listOwnedBattles(c.env.DB, user.id, query);
	return jsonResponse(200, { items } satisfies BattleSessionList);
}

export async function getBattle(c: AppContext, id: string): Promise<Response> {
	const user = await requirePermission(c, 'battles:read');
	const session = id.length <= 64 ? await getOwnedBattle(c.env.DB, user.id, id) : null;
	if (!session) throw new HttpError('not_found', 'No battle session with that id in your account.');
	const metrics = await battleMetrics(c.env.DB, session.id);
	return jsonResponse(200, { ...session, metrics } satisfies BattleSessionDetail);
}
