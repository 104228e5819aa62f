/**
 * Sessions as the auth routes use them: start one (refresh token + access token), refresh it (the
 * refresh token rotates every time), and detect theft: presenting a refresh token that was already
 * rotated away means two parties hold it, so the whole session is revoked and both must sign in again.
 *
 * Returned statements are run by the caller in one `db.batch()` with their audit row.
 *
 * @example
 * const { tokens, statements } = await startSession(c, user);
 * await c.env.DB.batch([...statements, auditStatement(...)]);
 */
import type { AccountUser, AuthTokens } from '../../../src/lib/core/protocol';
import type { AppContext } from '../context';
import {
	findSessionByRefreshHash,
	insertSessionStatement,
	isSessionLive,
	newSession,
	revokeSessionStatement,
	rotateRefreshStatement,
	type SessionRow
} from '../db/sessions';
import { auditStatement } from '../db/audit';
import { findUserById } from '../db/users';
import { HttpError } from '../http/errors';
import { tokenConfig } from './config';
import { randomSecret, sha256Hex } from './opaque-token';
import { issueToken } from './token';

export const REFRESH_REJECTED = 'This refresh token is invalid, expired or revoked. Sign in again.';

async function tokensFor(
	c: AppContext,
	user: AccountUser,
	session: Pick<SessionRow, 'id' | 'expires_at'>,
	refreshToken: string
): Promise<AuthTokens> {
	const { token, expiresAt } = await issueToken(
		{ sub: user.id, role: user.role, sid: session.id },
		tokenConfig(c.env)
	);
	return {
		token,
		expires_at: expiresAt.toISOString(),
		user,
		refresh_token: refreshToken,
		refresh_expires_at: session.expires_at,
		session_id: session.id
	};
}

export async function startSession(
	c: AppContext,
	user: AccountUser
): Promise<{ tokens: AuthTokens; statements: D1PreparedStatement[] }> {
	const refreshToken = randomSecret();
	const session = newSession(user.id, await sha256Hex(refreshToken), {
		userAgent: c.request.headers.get('User-Agent'),
		ip: c.ip
	});
	return {
		tokens: await tokensFor(c, user, session, refreshToken),
		statements: [insertSessionStatement(c.env.DB, session)]
	};
}

/** New tokens for a refresh token; 401 (and, on replay, a revoked session) for anything else. */
export async function refreshSession(c: AppContext, refreshToken: string): Promise<AuthTokens> {
	const db = c.env.DB;
	const oldHash = await sha256Hex(refreshToken);
	const found = await findSessionByRefreshHash(db, oldHash);
	if (!found || !isSessionLive(found.session)) {
		throw new HttpError('unauthorized', REFRESH_REJECTED);
	}
	const { session } = found;
	if (found.rotated) {
		await revokeForReplay(c, session);
		throw new HttpError('unauthorized', REFRESH_REJECTED);
	}
	const user = await findUserById(db, session.user_id);
	if (!user) throw new HttpError('unauthorized', REFRESH_REJECTED);

	const next = randomSecret();
	const [rotation] = await db.batch([
		rotateRefreshStatement(db, session.id, oldHash, await sha256Hex(next)),
		auditStatement(db, {
			actorId: user.id,
			action: 'auth.refresh',
			targetType: 'session',
			targetId: session.id,
			ip: c.ip
		})
	]);
	// Lost a race with a concurrent refresh of the same token: that is a replay too.
	if (!rotation || rotation.meta.changes !== 1) {
		await revokeForReplay(c, session);
		throw new HttpError('unauthorized', REFRESH_REJECTED);
	}
	const account = {
		id: user.id,
		email: user.email,
		role: user.role,
		display_name: user.display_name
	};
	return tokensFor(c, account, session, next);
}

async function revokeForReplay(c: AppContext, session: SessionRow): Promise<void> {
	await c.env.DB.batch([
		revokeSessionStatement(c.env.DB, session.id, session.user_id),
		auditStatement(c.env.DB, {
			actorId: session.user_id,
			action: 'auth.refresh_replayed',
			targetType: 'session',
			targetId: session.id,
			ip: c.ip,
			details: { revoked: true }
		})
	]);
}
