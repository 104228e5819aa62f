/**
 * `/api/v1/auth/*`: sign-up, sign-in, refresh, sign-out, me.
 *
 * Sign-in gives one answer for "no such email" and "wrong password", spends the same PBKDF2 work on
 * both, and is rate limited per client address, so it cannot be used to list accounts or guess fast.
 * Sign-up is rate limited the same way; it answers 409 for a taken email (an attacker learns no more
 * than the sign-up form would tell anyone) and can be switched off with ALLOW_SIGN_UP="false".
 */
import {
	MeResponse,
	RefreshRequest,
	SignIn,
	SignUp,
	type AccountUser,
	type AuthTokens
} from '../../../src/lib/core/protocol';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/password';
import { permissionsOf } from '../auth/permissions';
import { authenticate } from '../auth/require-role';
import { refreshSession, startSession } from '../auth/session-tokens';
import type { AppContext } from '../context';
import { auditStatement } from '../db/audit';
import { revokeSessionStatement } from '../db/sessions';
import { findUserByEmail, insertUserStatement, normalizeEmail } from '../db/users';
import { readJsonBody } from '../http/body';
import { HttpError } from '../http/errors';
import { jsonResponse } from '../http/respond';
import { signUpAllowed } from '../http/security-config';
import { enforceRateLimit } from '../rate-limit/rate-limiter';

/** Ten attempts per minute per address: plenty for a person, useless for a guessing script. */
export const SIGN_IN_LIMIT = { limit: 10, windowMs: 60_000 };
/** Refresh tokens are unguessable; this only stops a broken client from looping. */
export const REFRESH_LIMIT = { limit: 60, windowMs: 60_000 };
const AUTH_BODY_BYTES = 4 * 1024;
export const BAD_CREDENTIALS = 'Email or password is incorrect.';

export async function signUp(c: AppContext): Promise<Response> {
	if (!signUpAllowed(c.env)) {
		throw new HttpError(
			'forbidden',
			'Sign-up is disabled on this server. Ask an admin for an account.'
		);
	}
	await enforceRateLimit(
		c.env,
		`sign-up:${c.ip ?? 'unknown'}`,
		SIGN_IN_LIMIT.limit,
		SIGN_IN_LIMIT.windowMs
	);
	const body = await readJsonBody(c.request, SignUp, AUTH_BODY_BYTES);
	if (await findUserByEmail(c.env.DB, body.email)) {
		throw new HttpError('conflict', 'An account with this email exists. Sign in instead.');
	}
	const user: AccountUser = {
		id: crypto.randomUUID(),
		email: normalizeEmail(body.email),
		role: body.role,
		display_name: body.display_name
	};
	const { tokens, statements } = await startSession(c, user);
	try {
		await c.env.DB.batch([
			insertUserStatement(c.env.DB, { ...user, password: await hashPassword(body.password) }),
			...statements,
			auditStatement(c.env.DB, {
				actorId: user.id,
				action: 'auth.sign_up',
				targetType: 'user',
				targetId: user.id,
				ip: c.ip,
				details: { role: user.role, session_id: tokens.session_id }
			})
		]);
	} catch (e) {
		// Two sign-ups racing for one email: the UNIQUE constraint decides, the loser gets the same 409.
		if (String(e).includes('UNIQUE')) {
			throw new HttpError('conflict', 'An account with this email exists. Sign in instead.');
		}
		throw e;
	}
	return jsonResponse(201, tokens satisfies AuthTokens);
}

export async function signIn(c: AppContext): Promise<Response> {
	await enforceRateLimit(
		c.env,
		`sign-in:${c.ip ?? 'unknown'}`,
		SIGN_IN_LIMIT.limit,
		SIGN_IN_LIMIT.windowMs
	);
	const body = await readJsonBody(c.request, SignIn, AUTH_BODY_BYTES);

	const user = await findUserByEmail(c.env.DB, body.email);
	const valid = user
		? await verifyPassword(body.password, {
				hash: user.password_hash,
				salt: user.password_salt,
				iterations: user.password_iterations
			})
		: await burnPasswordCheck(body.password);

	if (!user || !valid) {
		await auditStatement(c.env.DB, {
			actorId: user?.id ?? null,
			action: 'auth.sign_in_failed',
			ip: c.ip,
			details: { email: normalizeEmail(body.email) }
		}).run();
		throw new HttpError('unauthorized', BAD_CREDENTIALS);
	}

	const account = {
		id: user.id,
		email: user.email,
		role: user.role,
		display_name: user.display_name
	};
	const { tokens, statements } = await startSession(c, account);
	await c.env.DB.batch([
		...statements,
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'auth.sign_in',
			targetType: 'user',
			targetId: user.id,
			ip: c.ip,
			details: { session_id: tokens.session_id }
		})
	]);
	return jsonResponse(200, tokens satisfies AuthTokens);
}

export async function refresh(c: AppContext): Promise<Response> {
	await enforceRateLimit(
		c.env,
		`refresh:${c.ip ?? 'unknown'}`,
		REFRESH_LIMIT.limit,
		REFRESH_LIMIT.windowMs
	);
	const body = await readJsonBody(c.request, RefreshRequest, AUTH_BODY_BYTES);
	return jsonResponse(200, (await refreshSession(c, body.refresh_token)) satisfies AuthTokens);
}

/** Ends the session the access token belongs to (its refresh token and all its access tokens). */
export async function signOut(c: AppContext): Promise<Response> {
	const user = await authenticate(c);
	if (!user.sessionId) {
		throw new HttpError(
			'bad_input',
			'API keys have no session to sign out of; revoke the key instead.'
		);
	}
	const at = new Date();
	await c.env.DB.batch([
		revokeSessionStatement(c.env.DB, user.sessionId, user.id, at),
		auditStatement(c.env.DB, {
			actorId: user.id,
			action: 'auth.sign_out',
			targetType: 'session',
			targetId: user.sessionId,
			ip: c.ip
		})
	]);
	return jsonResponse(200, { id: user.sessionId, revoked_at: at.toISOString() });
}

export async function me(c: AppContext): Promise<Response> {
	const user = await authenticate(c);
	const { id, email, role, display_name } = user;
	const permissions = permissionsOf(role).filter((p) => !user.scopes || user.scopes.includes(p));
	return jsonResponse(200, {
		user: { id, email, role, display_name },
		via: user.via,
		permissions
	} satisfies MeResponse);
}
