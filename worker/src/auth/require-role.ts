/**
 * Authentication and authorisation for route handlers. Two kinds of credential are accepted:
 *
 * - an access token (`Authorization: Bearer <jwt>`): its session must still be live, and the user is
 *   re-read from D1 in the same query, so a revoked session, a deleted account or a changed role takes
 *   effect at once, not when the token expires;
 * - an API key (`Authorization: Bearer axk_…` or `X-API-Key: axk_…`): hashed, scoped and revocable;
 *   it may do what its owner's role allows AND its scopes list (role ∩ scopes).
 *
 * Every authenticated request also counts against the caller's per-minute budget (per user for
 * tokens, per key for API keys), so one script cannot starve everyone else.
 *
 * @example
 * const user = await requirePermission(c, 'experiments:create'); // throws 401, 403 or 429
 */
import type { PermissionName } from '../../../src/lib/core/protocol';
import type { AppContext } from '../context';
import { findApiKeyById, LAST_USED_RESOLUTION_MS, parseScopes, touchApiKey } from '../db/api-keys';
import { findLiveSessionUser } from '../db/sessions';
import { findUserById, type UserRow } from '../db/users';
import { HttpError } from '../http/errors';
import { rateLimitPerMinute } from '../http/security-config';
import { enforceRateLimit } from '../rate-limit/rate-limiter';
import { looksLikeApiKey, parseApiKey } from './api-key-format';
import { tokenConfig } from './config';
import { sha256Hex } from './opaque-token';
import { timingSafeEqual } from './password';
import { can, type Permission } from './permissions';
import { verifyToken } from './token';

export type AuthUser = Pick<UserRow, 'id' | 'email' | 'role' | 'display_name'> & {
	/** How the request proved who it is. */
	via?: 'session' | 'api_key';
	/** Set for access tokens: the session they belong to. */
	sessionId?: string;
	/** Set for API keys: the key's id and scopes (the key may use only role ∩ scopes). */
	apiKeyId?: string;
	scopes?: readonly PermissionName[];
};

const BEARER_CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="axon"' };
const SIGN_IN_AGAIN = 'Your session is invalid or has expired. Sign in again.';
const BAD_KEY =
	'This API key is invalid, expired or revoked. Create a new one on /config/security.';

/** The bearer token from `Authorization: Bearer <token>`, or null. */
export function bearerToken(request: Request): string | null {
	const header = request.headers.get('Authorization');
	const match = header?.match(/^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i);
	return match?.[1] ?? null;
}

/** The credential a request carries: the bearer token, else the X-API-Key header, else null. */
export function requestCredential(request: Request): string | null {
	return bearerToken(request) ?? request.headers.get('X-API-Key')?.trim() ?? null;
}

function unauthorized(message: string): HttpError {
	return new HttpError('unauthorized', message, undefined, BEARER_CHALLENGE);
}

/**
 * The signed-in user for an access token (not an API key); 401 for a missing, invalid or expired
 * token, a token without a session, a revoked session or a deleted user.
 */
export async function authenticateToken(env: Env, token: string | null): Promise<AuthUser> {
	if (!token) throw unauthorized('Sign in first: send Authorization: Bearer <token>.');
	const claims = await verifyToken(token, tokenConfig(env));
	// A token without `sid` could never be revoked, so none is accepted (all are minted with one).
	const user = claims?.sid ? await findLiveSessionUser(env.DB, claims.sid, claims.sub) : null;
	if (!user || !claims?.sid) throw unauthorized(SIGN_IN_AGAIN);
	return { ...publicFields(user), via: 'session', sessionId: claims.sid };
}

/** The owner of an API key, with the key's scopes; 401 for a malformed, unknown, expired or revoked key. */
export async function authenticateApiKey(
	env: Env,
	key: string,
	ctx?: ExecutionContext
): Promise<AuthUser> {
	const parsed = parseApiKey(key);
	const row = parsed ? await findApiKeyById(env.DB, parsed.id) : null;
	const matches =
		parsed && row
			? timingSafeEqual(
					new TextEncoder().encode(await sha256Hex(parsed.secret)),
					new TextEncoder().encode(row.key_hash)
				)
			: false;
	const now = Date.now();
	if (
		!row ||
		!matches ||
		row.revoked_at !== null ||
		(row.expires_at !== null && Date.parse(row.expires_at) <= now)
	) {
		throw unauthorized(BAD_KEY);
	}
	const user = await findUserById(env.DB, row.user_id);
	if (!user) throw unauthorized(BAD_KEY);
	// last_used_at is for people ("is this key still used?"): minute resolution, written after the response.
	if (row.last_used_at === null || now - Date.parse(row.last_used_at) >= LAST_USED_RESOLUTION_MS) {
		const touch = touchApiKey(env.DB, row.id);
		if (ctx) ctx.waitUntil(touch);
		else await touch;
	}
	return { ...publicFields(user), via: 'api_key', apiKeyId: row.id, scopes: parseScopes(row) };
}

/** Whoever the request's credential names, counted against their rate limit. */
export async function authenticate(c: AppContext): Promise<AuthUser> {
	const credential = requestCredential(c.request);
	const user =
		credential && looksLikeApiKey(credential)
			? await authenticateApiKey(c.env, credential, c.ctx)
			: await authenticateToken(c.env, credential);
	const bucket = user.apiKeyId ? `key:${user.apiKeyId}` : `user:${user.id}`;
	await enforceRateLimit(c.env, bucket, rateLimitPerMinute(c.env), 60_000);
	return user;
}

/** True when the user's role allows `permission` and, for an API key, its scopes include it. */
export function userCan(user: AuthUser, permission: Permission): boolean {
	return (
		can(user.role, permission) && (user.scopes === undefined || user.scopes.includes(permission))
	);
}

export function assertCan(user: AuthUser, permission: Permission): void {
	if (!can(user.role, permission)) {
		throw new HttpError('forbidden', `Your role (${user.role}) does not allow ${permission}.`);
	}
	if (user.scopes !== undefined && !user.scopes.includes(permission)) {
		throw new HttpError(
			'forbidden',
			`This API key's scopes do not include ${permission}. Create a key with that scope.`
		);
	}
}

export async function requirePermission(c: AppContext, permission: Permission): Promise<AuthUser> {
	const user = await authenticate(c);
	assertCan(user, permission);
	return user;
}

/**
 * Like requirePermission, but only for a signed-in person (an access token), never an API key: account
 * management (keys, sessions) must not be reachable with a key, so a leaked key cannot entrench itself.
 */
export async function requireSignedIn(c: AppContext, permission: Permission): Promise<AuthUser> {
	const user = await requirePermission(c, permission);
	if (user.via === 'api_key') {
		throw new HttpError(
			'forbidden',
			'API keys cannot manage keys or sessions; sign in to do this.'
		);
	}
	return user;
}

function publicFields(user: UserRow): Pick<UserRow, 'id' | 'email' | 'role' | 'display_name'> {
	return { id: user.id, email: user.email, role: user.role, display_name: user.display_name };
}
