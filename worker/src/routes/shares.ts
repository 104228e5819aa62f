/**
 * Share links: `POST /shares` (a token for one of your objects, shown once), `GET /shares` (yours),
 * `DELETE /shares/{id}` (revoke), and the public `GET /shares/{token}`: a read-only view without an
 * account. A share token is not a credential for anything else: it is never accepted as a Bearer
 * token, and the only route that takes it is this GET.
 *
 * Unknown and revoked tokens are 404 (a revoked link reveals nothing); an expired one is 410, so the
 * visitor knows to ask for a new link.
 */
import {
	ShareCreate,
	ShareToken,
	type ShareCreated,
	type ShareList,
	type SharedView
} from '../../../src/lib/core/protocol';
import { requirePermission } from '../auth/require-role';
import type { AppContext } from '../context';
import { auditStatement } from '../db/audit';
import { getOwnedBattle } from '../db/battles';
import { getOwnedExperiment } from '../db/experiments';
import { listRuns } from '../db/runs';
import {
	findShareByHash,
	getOwnedShare,
	insertShareStatement,
	listOwnedShares,
	ownsTarget,
	revokeShareStatement,
	shareFromRow,
	type ShareRow
} from '../db/shares';
import { readJsonBody } from '../http/body';
import { HttpError } from '../http/errors';
import { jsonResponse } from '../http/respond';
import { sha256Hex } from './read-bytes';

export async function createShare(c: AppContext): Promise<Response> {
	const user = await requirePermission(c, 'shares:create');
	const input = await readJsonBody(c.request, ShareCreate);
	if (!(await ownsTarget(c.env.DB, user.id, input.target_type, input.target_id))) {
		throw new HttpError('not_found', `No ${input.target_type} with that id in your account.`);
	}
	const token = newShareToken();
	const now = new Date();
	const row: ShareRow = {
		id: crypto.randomUUID(),
		owner_id: user.id,
		token_hash: await hashToken(token),
		target_type: input.target_type,
		target_id: input.target_id,
		created_at: now.toISOString(),
		expires_at: new Date(now.getTime() + input.expires_in_hours * 3_600_000).toISOString(),
		revoked_at: null
	};
	await c.env.DB.batch([
		insertShareStatement(c.env.DB, row),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'share.create',
			targetType: row.target_type,
			targetId: row.target_id,
			ip: c.ip,
			details: { share_id: row.id, expires_at: row.expires_at }
		})
	]);
	const body: ShareCreated = { ...shareFromRow(row), token, path: `/share/${token}` };
	return jsonResponse(201, body);
}

export async function listShares(c: AppContext): Promise<Response> {
	const user = await requirePermission(c, 'shares:create');
	return jsonResponse(200, { items: await listOwnedShares(c.env.DB, user.id) } satisfies ShareList);
}

export async function revokeShare(c: AppContext, id: string): Promise<Response> {
	const user = await requirePermission(c, 'shares:create');
	const share = id.length <= 64 ? await getOwnedShare(c.env.DB, user.id, id) : null;
	if (!share) throw new HttpError('not_found', 'No share link with that id in your account.');
	if (!share.revoked_at) {
		await c.env.DB.batch([
			revokeShareStatement(c.env.DB, share.id, new Date().toISOString()),
			auditStatement(c.env.DB, {
				actorId: user.id,
				action: 'share.revoke',
				targetType: share.target_type,
				targetId: share.target_id,
				ip: c.ip,
				details: { share_id: share.id }
			})
		]);
	}
	return new Response(null, { status: 204 });
}

/** Public: no Authorization is read here at all. */
export async function viewShare(c: AppContext, token: string): Promise<Response> {
	const notFound = () =>
		new HttpError('not_found', 'This share link does not exist or was revoked.');
	if (!ShareToken.safeParse(token).success) throw notFound();
	const share = await findShareByHash(c.env.DB, await hashToken(token));
	if (!share || share.revoked_at) throw notFound();
	if (Date.parse(share.expires_at) <= Date.now()) {
		// 410 is not in the shared error table (http/errors.ts), so the body is built here in the same shape.
		return jsonResponse(410, {
			error: { code: 'gone', message: 'This share link has expired; ask its owner for a new one.' }
		});
	}
	const view: SharedView = {
		target_type: share.target_type,
		expires_at: share.expires_at,
		experiment: null,
		runs: []
	};
	if (share.target_type === 'experiment') {
		const e = await getOwnedExperiment(c.env.DB, share.owner_id, share.target_id);
		if (!e) throw notFound();
		// Only what a reader needs to understand and reproduce it: no ids, owner or audit data.
		view.experiment = {
			name: e.name,
			...(e.description === undefined ? {} : { description: e.description }),
			status: e.status,
			model_config: e.model_config,
			data_config: e.data_config,
			training_config: e.training_config,
			backtest_config: e.backtest_config,
			results: e.results,
			created_at: e.created_at
		};
		view.runs = (await listRuns(c.env.DB, e.id)).map((r) => ({
			name: r.name,
			status: r.status,
			final_metrics: r.final_metrics,
			started_at: r.started_at
		}));
	} else if (share.target_type === 'battle_session') {
		const b = await getOwnedBattle(c.env.DB, share.owner_id, share.target_id);
		if (!b) throw notFound();
		// The same rule: the session as its owner stored it, minus ids, owner and update time.
		view.battle = {
			name: b.name,
			status: b.status,
			models_tested: b.models_tested,
			duration_seconds: b.duration_seconds,
			risk_limits: b.risk_limits,
			config: b.config,
			results: b.results,
			created_at: b.created_at
		};
	}
	return jsonResponse(200, view);
}

/** 32 random bytes as base64url (43 characters): unguessable, URL-safe. */
function newShareToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(32));
	// btoa over a Latin-1 string encodes the bytes themselves (not their UTF-8 form).
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

const hashToken = (token: string) => sha256Hex(new TextEncoder().encode(token));
