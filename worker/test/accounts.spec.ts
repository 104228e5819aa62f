import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
	ApiKeyList,
	AuthTokens,
	MeResponse,
	Revoked,
	SessionList
} from '../../src/lib/core/protocol';
import worker from '../src/index';
import { accountsRouteDocs } from '../src/routes/mount-accounts';
import { createKey, send, signIn, signUp, STRONG_PASSWORD, withKey } from './accounts-helpers';
import { ORIGIN, countRows, getAuthed, postJson, userWithToken, validExperiment } from './helpers';

/** Calls the Worker with some env vars overridden (sign-up switch, rate limit, CORS list). */
async function fetchWithEnv(vars: Partial<Env>, path: string, init: RequestInit = {}) {
	const ctx = createExecutionContext();
	const headers = new Headers(init.headers);
	headers.set('CF-Connecting-IP', `203.0.113.${Math.floor(Math.random() * 250)}`);
	const res = await worker.fetch(
		new Request(`${ORIGIN}${path}`, { ...init, headers }) as Request<
			unknown,
			IncomingRequestCfProperties
		>,
		{ ...env, ...vars },
		ctx
	);
	await waitOnExecutionContext(ctx);
	return res;
}

function del(path: string, token: string) {
	return send('DELETE', path, { Authorization: `Bearer ${token}` });
}

describe('POST /api/v1/auth/sign-up', () => {
	it('creates a researcher, signs them in and records who, what, when and from where', async () => {
		const email = `Sign.Up-${crypto.randomUUID().slice(0, 6)}@Test.Axon`;
		const res = await postJson(
			'/api/v1/auth/sign-up',
			{ email, password: STRONG_PASSWORD, display_name: 'Ada' },
			undefined,
			{ 'CF-Connecting-IP': '203.0.113.5', 'User-Agent': 'axon-test/1' }
		);
		expect(res.status).toBe(201);
		const tokens = AuthTokens.parse(await res.json());
		expect(tokens.user).toMatchObject({ email: email.toLowerCase(), role: 'researcher' });
		const me = MeResponse.parse(await (await getAuthed('/api/v1/auth/me', tokens.token)).json());
		expect(me.user.id).toBe(tokens.user.id);

		const audit = await env.DB.prepare('SELECT * FROM audit_log WHERE target_id = ? AND action = ?')
			.bind(tokens.user.id, 'auth.sign_up')
			.first<Record<string, string>>();
		expect(audit).toMatchObject({ actor_id: tokens.user.id, ip: '203.0.113.5' });
		const session = await env.DB.prepare('SELECT * FROM sessions WHERE id = ?')
			.bind(tokens.session_id)
			.first<Record<string, string>>();
		expect(session).toMatchObject({ user_id: tokens.user.id, user_agent: 'axon-test/1' });
		// Only the hash of the refresh token is stored.
		expect(JSON.stringify(session)).not.toContain(tokens.refresh_token);
		// Signing in with the new password works too.
		expect((await signIn(email, STRONG_PASSWORD)).user.id).toBe(tokens.user.id);
	});

	it('lets a person choose observer but not a role with team-wide powers', async () => {
		expect((await signUp({ role: 'observer' })).user.role).toBe('observer');
		const before = await countRows('users');
		for (const role of ['ai_architect', 'data_engineer', 'admin']) {
			const res = await postJson('/api/v1/auth/sign-up', {
				email: `x-${crypto.randomUUID().slice(0, 6)}@test.axon`,
				password: STRONG_PASSWORD,
				display_name: 'X',
				role
			});
			expect(res.status).toBe(400);
		}
		expect(await countRows('users')).toBe(before);
	});

	it('refuses short passwords and a taken email (any case) without creating anyone', async () => {
		const first = await signUp();
		const before = await countRows('users');
		const short = await postJson('/api/v1/auth/sign-up', {
			email: 'short@test.axon',
			password: 'elevenchars',
			display_name: 'S'
		});
		expect(short.status).toBe(400);
		const taken = await postJson('/api/v1/auth/sign-up', {
			email: first.user.email.toUpperCase(),
			password: STRONG_PASSWORD,
			display_name: 'Twin'
		});
		expect(taken.status).toBe(409);
		expect(await countRows('users')).toBe(before);
	});

	it('is refused with 403 when ALLOW_SIGN_UP is "false"', async () => {
		const before = await countRows('users');
		const res = await fetchWithEnv({ ALLOW_SIGN_UP: 'false' }, '/api/v1/auth/sign-up', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ email: 'off@test.axon', password: STRONG_PASSWORD, display_name: 'O' })
		});
		expect(res.status).toBe(403);
		expect(await countRows('users')).toBe(before);
	});
});

describe('sessions: sign-in, refresh, sign-out', () => {
	it('sign-in keeps the old fields and adds a refresh token and session id', async () => {
		const { user } = await signUp();
		const tokens = await signIn(user.email, STRONG_PASSWORD);
		expect(tokens.token.split('.')).toHaveLength(3);
		expect(Date.parse(tokens.refresh_expires_at) - Date.now()).toBeGreaterThan(29 * 86_400_000);
		expect(await countRows('sessions', 'user_id = ?', user.id)).toBe(2);
	});

	it('refresh rotates the refresh token and gives a working access token', async () => {
		const first = await signUp();
		const res = await postJson('/api/v1/auth/refresh', { refresh_token: first.refresh_token });
		expect(res.status).toBe(200);
		const next = AuthTokens.parse(await res.json());
		expect(next.session_id).toBe(first.session_id);
		expect(next.refresh_token).not.toBe(first.refresh_token);
		expect((await getAuthed('/api/v1/auth/me', next.token)).status).toBe(200);
		// And the new refresh token works in turn.
		const again = await postJson('/api/v1/auth/refresh', { refresh_token: next.refresh_token });
		expect(again.status).toBe(200);
	});

	it('treats reuse of a rotated refresh token as theft and revokes the whole session', async () => {
		const first = await signUp();
		const next = AuthTokens.parse(
			await (await postJson('/api/v1/auth/refresh', { refresh_token: first.refresh_token })).json()
		);
		const replay = await postJson('/api/v1/auth/refresh', { refresh_token: first.refresh_token });
		expect(replay.status).toBe(401);
		// The legitimate holder is signed out too: both the new refresh and access tokens are dead.
		expect(
			(await postJson('/api/v1/auth/refresh', { refresh_token: next.refresh_token })).status
		).toBe(401);
		expect((await getAuthed('/api/v1/auth/me', next.token)).status).toBe(401);
		expect(
			await countRows(
				'audit_log',
				'action = ? AND target_id = ?',
				'auth.refresh_replayed',
				first.session_id
			)
		).toBe(1);
	});

	it('sign-out ends the session: access and refresh tokens stop working', async () => {
		const tokens = await signUp();
		const res = await postJson('/api/v1/auth/sign-out', {}, tokens.token);
		expect(res.status).toBe(200);
		expect(Revoked.parse(await res.json()).id).toBe(tokens.session_id);
		expect((await getAuthed('/api/v1/auth/me', tokens.token)).status).toBe(401);
		expect(
			(await postJson('/api/v1/auth/refresh', { refresh_token: tokens.refresh_token })).status
		).toBe(401);
	});

	it('lists your sessions, marks the current one, and revoking another ends it at once', async () => {
		const laptop = await signUp();
		const phone = await signIn(laptop.user.email, STRONG_PASSWORD);
		const list = SessionList.parse(
			await (await getAuthed('/api/v1/auth/sessions', laptop.token)).json()
		);
		expect(list.items.map((s) => s.id).sort()).toEqual(
			[laptop.session_id, phone.session_id].sort()
		);
		expect(list.items.find((s) => s.current)?.id).toBe(laptop.session_id);

		const res = await del(`/api/v1/auth/sessions/${phone.session_id}`, laptop.token);
		expect(res.status).toBe(200);
		expect((await getAuthed('/api/v1/auth/me', phone.token)).status).toBe(401);
		expect((await getAuthed('/api/v1/auth/me', laptop.token)).status).toBe(200);
	});

	it("answers 404 for someone else's session and leaves it alone", async () => {
		const mine = await signUp();
		const theirs = await signUp();
		const res = await del(`/api/v1/auth/sessions/${theirs.session_id}`, mine.token);
		expect(res.status).toBe(404);
		expect((await getAuthed('/api/v1/auth/me', theirs.token)).status).toBe(200);
	});
});

describe('API keys', () => {
	it('are created once with a secret, listed without it, and authenticate by either header', async () => {
		const { token, user } = await signUp();
		const created = await createKey(token, ['experiments:read', 'experiments:create'], {
			name: 'trainer',
			expires_in_days: 30
		});
		expect(created.key).toMatch(/^axk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
		expect(created.key.startsWith(created.key_prefix)).toBe(true);
		const stored = await env.DB.prepare('SELECT * FROM api_keys WHERE id = ?')
			.bind(created.id)
			.first<Record<string, string>>();
		expect(JSON.stringify(stored)).not.toContain(created.key.split('_').at(-1));

		const list = await getAuthed('/api/v1/auth/api-keys', token);
		const text = await list.text();
		expect(text).not.toContain(created.key);
		expect(ApiKeyList.parse(JSON.parse(text)).items.map((k) => k.name)).toEqual(['trainer']);

		for (const via of ['bearer', 'header'] as const) {
			const res = await send(
				'POST',
				'/api/v1/experiments',
				{
					...withKey(created.key, via),
					'Content-Type': 'application/json'
				},
				JSON.stringify(validExperiment({ name: `by key ${via}` }))
			);
			expect(res.status).toBe(201);
			expect(await res.json()).toMatchObject({ owner_id: user.id });
		}
	});

	it('record when they were last used', async () => {
		const { token } = await signUp();
		const key = await createKey(token, ['experiments:read']);
		expect(key.last_used_at).toBeNull();
		expect((await send('GET', '/api/v1/experiments', withKey(key.key))).status).toBe(200);
		const row = await env.DB.prepare('SELECT last_used_at FROM api_keys WHERE id = ?')
			.bind(key.id)
			.first<{ last_used_at: string | null }>();
		expect(Date.now() - Date.parse(String(row?.last_used_at))).toBeLessThan(60_000);
	});

	it('act with role ∩ scopes, as /auth/me reports', async () => {
		const { token } = await signUp();
		const key = await createKey(token, ['experiments:read', 'models:read']);
		const me = MeResponse.parse(
			await (await send('GET', '/api/v1/auth/me', withKey(key.key))).json()
		);
		expect(me.via).toBe('api_key');
		expect(me.permissions).toEqual(['experiments:read', 'models:read']);
	});

	it('cannot be scoped beyond the role', async () => {
		const { token } = await signUp({ role: 'observer' });
		const before = await countRows('api_keys');
		const res = await postJson(
			'/api/v1/auth/api-keys',
			{ name: 'too much', scopes: ['experiments:read', 'experiments:create'] },
			token
		);
		expect(res.status).toBe(403);
		expect(await countRows('api_keys')).toBe(before);
	});

	it('stop working when revoked, and the revocation is audited', async () => {
		const { token, user } = await signUp();
		const key = await createKey(token, ['experiments:read']);
		const res = await del(`/api/v1/auth/api-keys/${key.id}`, token);
		expect(res.status).toBe(200);
		expect((await send('GET', '/api/v1/experiments', withKey(key.key))).status).toBe(401);
		const audit = await env.DB.prepare(
			'SELECT actor_id FROM audit_log WHERE action = ? AND target_id = ?'
		)
			.bind('api_key.revoke', key.id)
			.first<{ actor_id: string }>();
		expect(audit?.actor_id).toBe(user.id);
		expect((await del(`/api/v1/auth/api-keys/${key.id}`, token)).status).toBe(404);
	});
});

describe('per-user rate limit', () => {
	it('answers 429 with Retry-After once a user spends RATE_LIMIT_PER_MINUTE', async () => {
		const { token } = await userWithToken('researcher');
		const call = () =>
			fetchWithEnv({ RATE_LIMIT_PER_MINUTE: '3' }, '/api/v1/auth/me', {
				headers: { Authorization: `Bearer ${token}` }
			});
		for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200);
		const limited = await call();
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
	});
});

describe('CORS', () => {
	const allowed = 'https://notebook.example';
	const vars = { CORS_ALLOWED_ORIGINS: `${allowed}, *` };

	it('answers a preflight from an allowed origin with the policy and no wildcard', async () => {
		const res = await fetchWithEnv(vars, '/api/v1/experiments', {
			method: 'OPTIONS',
			headers: { Origin: allowed, 'Access-Control-Request-Method': 'POST' }
		});
		expect(res.status).toBe(204);
		expect(res.headers.get('Access-Control-Allow-Origin')).toBe(allowed);
		expect(res.headers.get('Access-Control-Allow-Headers')).toContain('Authorization');
		expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
	});

	it('refuses a preflight and a write from an origin not on the list, storing nothing', async () => {
		const { id, token } = await userWithToken('researcher');
		const preflight = await fetchWithEnv(vars, '/api/v1/experiments', {
			method: 'OPTIONS',
			headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' }
		});
		expect(preflight.status).toBe(403);
		expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
		const write = await fetchWithEnv(vars, '/api/v1/experiments', {
			method: 'POST',
			headers: {
				Origin: 'https://evil.example',
				Authorization: `Bearer ${token}`,
				'Content-Type': 'application/json'
			},
			body: JSON.stringify(validExperiment())
		});
		expect(write.status).toBe(403);
		expect(await countRows('experiments', 'owner_id = ?', id)).toBe(0);
	});

	it('lets an allowed origin read responses', async () => {
		const res = await fetchWithEnv(vars, '/api/v1/health', { headers: { Origin: allowed } });
		expect(res.status).toBe(200);
		expect(res.headers.get('Access-Control-Allow-Origin')).toBe(allowed);
		expect(res.headers.get('Vary')).toContain('Origin');
	});
});

describe('SPA responses from ASSETS', () => {
	it('carry security headers and a CSP that admits exactly the inline bootstrap script', async () => {
		const script = '\n\t\t\t\tkit.start(app, element);\n\t\t\t';
		const html = `<!doctype html><html><head><script src="/x.js"></script></head><body><div style="display: contents"><script>${script}</script></div></body></html>`;
		const assets = {
			fetch: async () => new Response(html, { headers: { 'Content-Type': 'text/html' } })
		};
		const res = await fetchWithEnv({ ASSETS: assets as unknown as Fetcher }, '/experiments');
		expect(await res.text()).toBe(html);
		const csp = res.headers.get('Content-Security-Policy') ?? '';
		const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script));
		const expected = btoa(String.fromCharCode(...new Uint8Array(digest)));
		expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${expected}'`);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toContain("'unsafe-eval'");
		expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
		expect(res.headers.get('X-Frame-Options')).toBe('DENY');
	});
});

describe('GET /api/v1/openapi.json', () => {
	it('describes every accounts route with JSON Schemas generated from the protocol', async () => {
		const res = await send('GET', '/api/v1/openapi.json');
		expect(res.status).toBe(200);
		const doc = (await res.json()) as {
			openapi: string;
			paths: Record<
				string,
				Record<
					string,
					{
						requestBody?: {
							content: Record<
								string,
								{ schema: { properties: Record<string, { minLength?: number }> } }
							>;
						};
					}
				>
			>;
		};
		expect(doc.openapi).toBe('3.1.0');
		for (const route of accountsRouteDocs) {
			expect(
				doc.paths[route.path]?.[route.method.toLowerCase()],
				`${route.method} ${route.path}`
			).toBeDefined();
		}
		for (const path of ['/api/v1/health', '/api/v1/experiments', '/api/v1/experiments/{id}']) {
			expect(doc.paths[path]).toBeDefined();
		}
		const signUpBody =
			doc.paths['/api/v1/auth/sign-up']!.post!.requestBody!.content['application/json']!;
		expect(signUpBody.schema.properties.password?.minLength).toBe(12);
	});
});
