/**
 * `POST /api/v1/auth/sign-in` and `GET /api/v1/auth/me`.
 * Sign-in gives one answer for "no such email" and "wrong password", spends the same PBKDF2 work on
 * both, and is rate limited per client address, so it cannot be used to list accounts or guess fast.
 */
import { SignIn, type SignInResponse } from '../../../src/lib/core/protocol';
import { tokenConfig } from '../auth/config';
import { burnPasswordCheck, verifyPassword } from '../auth/password';
import { authenticate } from '../auth/require-role';
import { issueToken } from '../auth/token';
import type { AppContext } from '../context';
import { auditStatement } from '../db/audit';
import { findUserByEmail, normalizeEmail } from '../db/users';
import { readJsonBody } from '../http/body';
import { HttpError } from '../http/errors';
import { jsonResponse } from '../http/respond';
import { enforceRateLimit } from '../rate-limit/rate-limiter';

/** Ten attempts per minute per address: plenty for a person, useless for a guessing script. */
export const SIGN_IN_LIMIT = { limit: 10, windowMs: 60_000 };
const SIGN_IN_BODY_BYTES = 4 * 1024;
export const BAD_CREDENTIALS = 'Email or password is incorrect.';

export async function signIn(c: AppContext): Promise<Response> {
	await enforceRateLimit(
		c.env,
		`sign-in:${c.ip ?? 'unknown'}`,
		SIGN_IN_LIMIT.limit,
		SIGN_IN_LIMIT.windowMs
	);
	const body = await readJsonBody(c.request, SignIn, SIGN_IN_BODY_BYTES);
	const config = tokenConfig(c.env);

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

	const { token, expiresAt } = await issueToken({ sub: user.id, role: user.role }, config);
	await auditStatement(c.env.DB, {
		actorId: user.id,
		action: 'auth.sign_in',
		targetType: 'user',
		targetId: user.id,
		ip: c.ip
	}).run();
	return jsonResponse(200, {
		token,
		expires_at: expiresAt.toISOString(),
		user: { id: user.id, email: user.email, role: user.role, display_name: user.display_name }
	} satisfies SignInResponse);
}

export async function me(c: AppContext): Promise<Response> {
	const user = await authenticate(c);
	return jsonResponse(200, { user });
}
