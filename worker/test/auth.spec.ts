import { env } from 'cloudflare:workers';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { SignInResponse } from '../../src/lib/core/protocol';
import { TOKEN_TTL_SECONDS } from '../src/auth/token';
import { BAD_CREDENTIALS, SIGN_IN_LIMIT } from '../src/routes/auth';
import { api, createUser, getAuthed, postJson, userWithToken } from './helpers';

describe('POST /api/v1/auth/sign-in', () => {
	it('returns a token, its expiry and the user for the right password', async () => {
		const user = await createUser('researcher', 'correct horse battery');
		const res = await postJson('/api/v1/auth/sign-in', {
			email: user.email.toUpperCase(),
			password: 'correct horse battery'
		});
		expect(res.status).toBe(200);
		const body = SignInResponse.parse(await res.json());
		expect(body.user).toMatchObject({ id: user.id, email: user.email, role: 'researcher' });
		const ttl = Date.parse(body.expires_at) - Date.now();
		// Access tokens are short-lived (15 min); the refresh token carries the session.
		expect(ttl).toBeGreaterThan(TOKEN_TTL_SECONDS * 1000 - 60_000);
		expect(ttl).toBeLessThanOrEqual(TOKEN_TTL_SECONDS * 1000);

		const me = await getAuthed('/api/v1/auth/me', body.token);
		expect(me.status).toBe(200);
		expect(await me.json()).toMatchObject({
			user: { id: user.id, email: user.email, role: 'researcher', display_name: 'Test researcher' },
			via: 'session'
		});
	});

	it('gives the same 401 for a wrong password and an unknown email', async () => {
		const user = await createUser('observer', 'the right password');
		const wrong = await postJson('/api/v1/auth/sign-in', {
			email: user.email,
			password: 'the wrong password'
		});
		const unknown = await postJson('/api/v1/auth/sign-in', {
			email: 'nobody@test.axon',
			password: 'the wrong password'
		});
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		const [a, b] = [await wrong.json(), await unknown.json()];
		expect(a).toEqual(b);
		expect(a).toEqual({ error: { code: 'unauthorized', message: BAD_CREDENTIALS } });
	});

	it('records failed and successful attempts in the audit log', async () => {
		const user = await createUser('researcher', 'audit me please');
		await postJson(
			'/api/v1/auth/sign-in',
			{ email: user.email, password: 'not the password' },
			undefined,
			{
				'CF-Connecting-IP': '203.0.113.9'
			}
		);
		await postJson('/api/v1/auth/sign-in', { email: user.email, password: 'audit me please' });
		const { results } = await env.DB.prepare(
			'SELECT action, ip FROM audit_log WHERE actor_id = ? ORDER BY id'
		)
			.bind(user.id)
			.all<{ action: string; ip: string }>();
		expect(results.map((r) => r.action)).toEqual(['auth.sign_in_failed', 'auth.sign_in']);
		expect(results[0]!.ip).toBe('203.0.113.9');
	});

	it('rejects a malformed body with field messages', async () => {
		const res = await postJson('/api/v1/auth/sign-in', { email: 'not-an-email' });
		expect(res.status).toBe(400);
		const body = (await res.json()) as { error: { details: { issues: { path: string }[] } } };
		expect(body.error.details.issues.map((i) => i.path).sort()).toEqual(['email', 'password']);
	});

	it(`rate limits an address after ${SIGN_IN_LIMIT.limit} attempts a minute`, async () => {
		const ip = '192.0.2.77';
		const attempt = () =>
			postJson('/api/v1/auth/sign-in', { email: 'x@test.axon', password: 'whatever1' }, undefined, {
				'CF-Connecting-IP': ip
			});
		for (let i = 0; i < SIGN_IN_LIMIT.limit; i++) expect((await attempt()).status).toBe(401);
		const limited = await attempt();
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
		expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
	});
});

describe('bearer tokens', () => {
	const config = () => ({
		secret: env.AUTH_SECRET,
		issuer: env.AUTH_ISSUER,
		audience: env.AUTH_AUDIENCE
	});

	it('are required for /auth/me', async () => {
		const res = await api('/api/v1/auth/me');
		expect(res.status).toBe(401);
		expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
	});

	it('are rejected when tampered with', async () => {
		const { token } = await userWithToken('researcher');
		const [h, p, s] = token.split('.') as [string, string, string];
		// Re-encode the payload with an elevated role but keep the original signature.
		const claims = JSON.parse(atob(p.replace(/-/g, '+').replace(/_/g, '/')));
		const forged = btoa(JSON.stringify({ ...claims, role: 'ai_architect' }))
			.replace(/\+/g, '-')
			.replace(/\//g, '_')
			.replace(/=+$/, '');
		for (const bad of [`${h}.${forged}.${s}`, `${h}.${p}.${s.slice(0, -2)}AA`]) {
			expect((await getAuthed('/api/v1/auth/me', bad)).status).toBe(401);
		}
	});

	it('are rejected once expired', async () => {
		const { token } = await userWithToken('researcher', Date.now() - 2 * 60 * 60 * 1000);
		const res = await getAuthed('/api/v1/auth/me', token);
		expect(res.status).toBe(401);
		expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
	});

	it('are rejected when signed with another key, for another audience, or unsigned', async () => {
		const user = await createUser('researcher');
		const sign = (secret: string, audience: string) =>
			new SignJWT({ role: 'researcher' })
				.setProtectedHeader({ alg: 'HS256' })
				.setSubject(user.id)
				.setIssuer(config().issuer)
				.setAudience(audience)
				.setIssuedAt()
				.setExpirationTime('1h')
				.sign(new TextEncoder().encode(secret));
		const unsigned = `${btoa(JSON.stringify({ alg: 'none', typ: 'JWT' })).replace(/=+$/, '')}.${btoa(
			JSON.stringify({
				sub: user.id,
				role: 'researcher',
				iss: 'axon',
				aud: 'axon-api',
				iat: 1,
				exp: 9e9
			})
		).replace(/=+$/, '')}.`;
		for (const bad of [
			await sign('another-secret-another-secret-0000', config().audience),
			await sign(config().secret, 'someone-else'),
			unsigned
		]) {
			expect((await getAuthed('/api/v1/auth/me', bad)).status).toBe(401);
		}
	});

	it('stop working when the user is deleted', async () => {
		const { id, token } = await userWithToken('researcher');
		await env.DB.prepare('DELETE FROM users WHERE id = ?').bind(id).run();
		expect((await getAuthed('/api/v1/auth/me', token)).status).toBe(401);
	});
});
