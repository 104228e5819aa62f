/**
 * `/api/v1/auth/api-keys`: create (plaintext shown once), list (no secrets), revoke. A key may be
 * scoped only to permissions its owner's role has, so a key can narrow a role, never widen it.
 * Managing keys needs a signed-in session: an API key cannot mint or revoke keys, so a leaked key
 * cannot entrench itself.
 */
import {
	ApiKeyCreate,
	type ApiKeyCreated,
	type ApiKeyList,
	type Revoked
} from '../../../src/lib/core/protocol';
import { newApiKey } from '../auth/api-key-format';
import { sha256Hex } from '../auth/opaque-token';
import { can } from '../auth/permissions';
import { requireSignedIn } from '../auth/require-role';
import type { AppContext } from '../context';
import {
	findApiKeyById,
	insertApiKeyStatement,
	listApiKeys,
	revokeApiKeyStatement,
	toApiKeyInfo,
	type ApiKeyRow
} from '../db/api-keys';
import { auditStatement } from '../db/audit';
import { readJsonBody } from '../http/body';
import { HttpError } from '../http/errors';
import { jsonResponse } from '../http/respond';

const KEY_BODY_BYTES = 4 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

const requireKeyManager = (c: AppContext) => requireSignedIn(c, 'keys:manage');

export async function createApiKey(c: AppContext): Promise<Response> {
	const user = await requireKeyManager(c);
	const body = await readJsonBody(c.request, ApiKeyCreate, KEY_BODY_BYTES);
	const beyondRole = body.scopes.filter((s) => !can(user.role, s));
	if (beyondRole.length > 0) {
		throw new HttpError(
			'forbidden',
			`Your role (${user.role}) cannot grant ${beyondRole.join(', ')}.`,
			{
				issues: [
					{ path: 'scopes', message: `not allowed for ${user.role}: ${beyondRole.join(', ')}` }
				]
			}
		);
	}
	const { id, secret, key, prefix } = newApiKey();
	const now = new Date();
	const row: ApiKeyRow = {
		id,
		user_id: user.id,
		name: body.name,
		key_prefix: prefix,
		key_hash: await sha256Hex(secret),
		scopes: JSON.stringify(body.scopes),
		created_at: now.toISOString(),
		last_used_at: null,
		expires_at:
			body.expires_in_days === undefined
				? null
				: new Date(now.getTime() + body.expires_in_days * DAY_MS).toISOString(),
		revoked_at: null
	};
	await c.env.DB.batch([
		insertApiKeyStatement(c.env.DB, row),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'api_key.create',
			targetType: 'api_key',
			targetId: id,
			ip: c.ip,
			details: { name: body.name, scopes: body.scopes, expires_at: row.expires_at }
		})
	]);
	return jsonResponse(201, { ...toApiKeyInfo(row), key } satisfies ApiKeyCreated, {
		Location: `/api/v1/auth/api-keys/${id}`
	});
}

export async function listKeys(c: AppContext): Promise<Response> {
	const user = await requireKeyManager(c);
	const rows = await listApiKeys(c.env.DB, user.id);
	return jsonResponse(200, { items: rows.map(toApiKeyInfo) } satisfies ApiKeyList);
}

/** Someone else's key (or a missing or already revoked one) is a 404, so key ids cannot be probed. */
export async function revokeApiKey(c: AppContext, id: string): Promise<Response> {
	const user = await requireKeyManager(c);
	const row = id.length <= 64 ? await findApiKeyById(c.env.DB, id) : null;
	if (!row || row.user_id !== user.id || row.revoked_at !== null) {
		throw new HttpError('not_found', 'No active API key with that id in your account.');
	}
	const at = new Date();
	await c.env.DB.batch([
		revokeApiKeyStatement(c.env.DB, id, user.id, at),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'api_key.revoke',
			targetType: 'api_key',
			targetId: id,
			ip: c.ip
		})
	]);
	return jsonResponse(200, { id, revoked_at: at.toISOString() } satisfies Revoked);
}
