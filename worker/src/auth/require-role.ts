/**
 * Authentication and authorisation for route handlers. A valid token is not enough: the user is loaded
 * from D1 on every request so a deleted account or a changed role takes effect at once, not in an hour.
 *
 * @example
 * const user = await requirePermission(c, 'experiments:create'); // throws 401 or 403
 */
import type { AppContext } from '../context';
import { findUserById, type UserRow } from '../db/users';
import { HttpError } from '../http/errors';
import { tokenConfig } from './config';
import { can, type Permission } from './permissions';
import { verifyToken } from './token';

export type AuthUser = Pick<UserRow, 'id' | 'email' | 'role' | 'display_name'>;

const BEARER_CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="axon"' };

/** The bearer token from `Authorization: Bearer <token>`, or null. */
export function bearerToken(request: Request): string | null {
	const header = request.headers.get('Authorization');
	const match = header?.match(/^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i);
	return match?.[1] ?? null;
}

/** The signed-in user for `token`; 401 for a missing, invalid or expired token or a deleted user. */
export async function authenticateToken(env: Env, token: string | null): Promise<AuthUser> {
	if (!token) {
		throw new HttpError(
			'unauthorized',
			'Sign in first: send Authorization: Bearer <token>.',
			undefined,
			BEARER_CHALLENGE
		);
	}
	const claims = await verifyToken(token, tokenConfig(env));
	const user = claims ? await findUserById(env.DB, claims.sub) : null;
	if (!user) {
		throw new HttpError(
			'unauthorized',
			'Your session is invalid or has expired. Sign in again.',
			undefined,
			BEARER_CHALLENGE
		);
	}
	return { id: user.id, email: user.email, role: user.role, display_name: user.display_name };
}

export async function authenticate(c: AppContext): Promise<AuthUser> {
	return authenticateToken(c.env, bearerToken(c.request));
}

export function assertCan(user: AuthUser, permission: Permission): void {
	if (!can(user.role, permission)) {
		throw new HttpError('forbidden', `Your role (${user.role}) does not allow ${permission}.`);
	}
}

export async function requirePermission(c: AppContext, permission: Permission): Promise<AuthUser> {
	const user = await authenticate(c);
	assertCan(user, permission);
	return user;
}
