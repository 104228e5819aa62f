/**
 * Security properties of every protected route, driven by the OpenAPI route list (so a route another
 * area documents is covered the day it is mounted): each bad credential is refused with the right
 * status and changes nothing in D1.
 */
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/lib/core/protocol';
import { can } from '../src/auth/permissions';
import { foundationRouteDocs } from '../src/openapi/foundation-docs';
import type { RouteDoc } from '../src/openapi/route-doc';
import { accountsRouteDocs } from '../src/routes/mount-accounts';
import { battlesRouteDocs } from '../src/routes/mount-battles';
import { featuresRouteDocs } from '../src/routes/mount-features';
import { trackingRouteDocs } from '../src/routes/mount-tracking';
import {
	createKey,
	dbSnapshot,
	send,
	signIn,
	signUp,
	STRONG_PASSWORD,
	withKey
} from './accounts-helpers';
import { getAuthed, postJson, userWithToken, validExperiment } from './helpers';

const ALL_DOCS: RouteDoc[] = [
	...foundationRouteDocs,
	...accountsRouteDocs,
	...trackingRouteDocs,
	...featuresRouteDocs,
	...battlesRouteDocs
];
/** HTTP routes that need a credential (the WebSocket route answers 426 before auth without an upgrade). */
const PROTECTED = ALL_DOCS.filter((d) => d.auth === 'token' && d.status !== 101);
/**
 * Routes whose permission is fixed by the route alone. Some areas decide the permission from the body
 * or the stored object (e.g. a model status change needs models:promote only for some transitions), so
 * the wrong-role and wrong-scope sweeps cover the foundation and accounts routes; those areas test
 * their own role rules.
 */
const FIXED_PERMISSION = [...foundationRouteDocs, ...accountsRouteDocs].filter(
	(d) => d.auth === 'token' && d.status !== 101
);

/** A concrete URL for a documented path: unknown ids are fine, auth is checked before lookups. */
function urlOf(doc: RouteDoc): string {
	return doc.path.replace(/\{[^}]+\}/g, () => crypto.randomUUID());
}

function call(doc: RouteDoc, headers: HeadersInit, body = '{}') {
	const h = new Headers(headers);
	if (doc.method !== 'GET' && doc.method !== 'DELETE') h.set('Content-Type', 'application/json');
	return send(
		doc.method,
		urlOf(doc),
		h,
		doc.method === 'GET' || doc.method === 'DELETE' ? undefined : body
	);
}

async function expectAllDenied(headers: HeadersInit, status: number, docs = PROTECTED) {
	const before = await dbSnapshot();
	for (const doc of docs) {
		const res = await call(doc, headers);
		expect(res.status, `${doc.method} ${doc.path}`).toBe(status);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
			status === 401 ? 'unauthorized' : 'forbidden'
		);
	}
	expect(await dbSnapshot()).toEqual(before);
}

/**
 * A valid key's first use stamps last_used_at (once a minute at most), even when the route then
 * refuses it: that is the owner's "is this key still in use?" signal. Use it once first, so the
 * snapshot compares only what the refused requests could change.
 */
async function primeLastUsed(key: string) {
	expect((await send('GET', '/api/v1/auth/me', withKey(key))).status).toBe(200);
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('every protected route', { timeout: 60_000 }, () => {
	it('is covered: the route list includes the accounts and experiments routes', () => {
		const names = PROTECTED.map((d) => `${d.method} ${d.path}`);
		expect(names).toEqual(
			expect.arrayContaining([
				'POST /api/v1/experiments',
				'GET /api/v1/auth/api-keys',
				'DELETE /api/v1/auth/sessions/{id}'
			])
		);
	});

	it('refuses a request with no credential with 401 and a Bearer challenge', async () => {
		await expectAllDenied({}, 401);
		const res = await send('GET', '/api/v1/auth/me');
		expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
	});

	it('refuses an expired access token with 401', async () => {
		const { token } = await userWithToken('ai_architect', Date.now() - 2 * 60 * 60 * 1000);
		await expectAllDenied(bearer(token), 401);
	});

	it('refuses a tampered access token (elevated role, broken signature) with 401', async () => {
		const { token } = await userWithToken('observer');
		const [h, p, s] = token.split('.') as [string, string, string];
		const claims = JSON.parse(atob(p.replace(/-/g, '+').replace(/_/g, '/')));
		const forged = btoa(JSON.stringify({ ...claims, role: 'ai_architect' }))
			.replace(/\+/g, '-')
			.replace(/\//g, '_')
			.replace(/=+$/, '');
		await expectAllDenied(bearer(`${h}.${forged}.${s}`), 401);
		await expectAllDenied(bearer(`${h}.${p}.${s.slice(0, -4)}AAAA`), 401);
	});

	it('refuses the access token of a signed-out (revoked) session with 401', async () => {
		const tokens = await signUp();
		expect((await postJson('/api/v1/auth/sign-out', {}, tokens.token)).status).toBe(200);
		await expectAllDenied(bearer(tokens.token), 401);
	});

	it('refuses a revoked API key with 401, by either header', async () => {
		const { token } = await signUp();
		const key = await createKey(token, ['experiments:read', 'experiments:create']);
		expect((await send('DELETE', `/api/v1/auth/api-keys/${key.id}`, bearer(token))).status).toBe(
			200
		);
		await expectAllDenied(withKey(key.key, 'bearer'), 401);
		await expectAllDenied(withKey(key.key, 'header'), 401);
	});

	it('refuses a forged or malformed API key with 401', async () => {
		const { token } = await signUp();
		const key = await createKey(token, ['experiments:read']);
		const wrongSecret = `${key.key_prefix}_${'A'.repeat(43)}`;
		await expectAllDenied(withKey(wrongSecret), 401);
		await expectAllDenied(withKey('axk_not-a-key'), 401);
	});

	it('refuses a role without the route’s permission with 403', async () => {
		const tokens = Object.fromEntries(
			await Promise.all(ROLES.map(async (r) => [r, (await userWithToken(r)).token] as const))
		) as Record<Role, string>;
		const before = await dbSnapshot();
		let checked = 0;
		for (const doc of FIXED_PERMISSION) {
			for (const role of ROLES) {
				if (!doc.permission || can(role, doc.permission)) continue;
				const res = await call(doc, bearer(tokens[role]));
				expect(res.status, `${role} → ${doc.method} ${doc.path}`).toBe(403);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(0);
		expect(await dbSnapshot()).toEqual(before);
	});

	it('refuses an API key whose scopes lack the route’s permission with 403', async () => {
		const { token } = await signUp();
		const key = await createKey(token, ['live:read']);
		await primeLastUsed(key.key);
		const needsMore = FIXED_PERMISSION.filter((d) => d.permission && d.permission !== 'live:read');
		await expectAllDenied(withKey(key.key), 403, needsMore);
	});

	it('does not let an API key manage keys or sessions, even with keys:manage scope', async () => {
		const { token } = await signUp();
		const key = await createKey(token, ['keys:manage']);
		await primeLastUsed(key.key);
		const management = PROTECTED.filter((d) => d.permission === 'keys:manage');
		expect(management.length).toBeGreaterThanOrEqual(5);
		await expectAllDenied(withKey(key.key), 403, management);
	});
});

describe('refresh tokens', () => {
	it('are refused once revoked, rotated away or made up, changing nothing but the theft response', async () => {
		const tokens = await signUp();
		await postJson('/api/v1/auth/sign-out', {}, tokens.token);
		const before = await dbSnapshot();
		for (const refresh_token of [tokens.refresh_token, 'made-up', "' OR 1=1 --"]) {
			const res = await postJson('/api/v1/auth/refresh', { refresh_token });
			expect(res.status).toBe(401);
		}
		expect(await dbSnapshot()).toEqual(before);
	});
});

const INJECTIONS = [
	"x'); DROP TABLE users; --",
	'" OR 1=1 --',
	"'; UPDATE users SET role='ai_architect' WHERE '1'='1",
	"Robert'); DELETE FROM sessions; --"
];

describe('SQL-injection strings', () => {
	it('in sign-up text fields are stored literally and grant nothing', async () => {
		for (const text of INJECTIONS) {
			const password = `${text} ${STRONG_PASSWORD}`;
			const created = await signUp({ display_name: text, password });
			expect(created.user.display_name).toBe(text);
			expect(created.user.role).toBe('researcher');
			const again = await signIn(created.user.email, password);
			expect(again.user).toEqual(created.user);
		}
	});

	it('in sign-in fields, refresh tokens, API keys and path ids are refused and change nothing', async () => {
		const tokens = await signUp();
		const before = await dbSnapshot();
		for (const text of INJECTIONS) {
			const signInRes = await postJson('/api/v1/auth/sign-in', { email: text, password: text });
			expect(signInRes.status).toBe(400);
			expect((await postJson('/api/v1/auth/refresh', { refresh_token: text })).status).toBe(401);
			expect((await send('GET', '/api/v1/auth/me', { 'X-API-Key': `axk_${text}` })).status).toBe(
				401
			);
			for (const path of ['/api/v1/auth/sessions/', '/api/v1/auth/api-keys/']) {
				const res = await send(
					'DELETE',
					`${path}${encodeURIComponent(text)}`,
					bearer(tokens.token)
				);
				expect(res.status).toBe(404);
			}
		}
		expect(await dbSnapshot()).toEqual(before);
	});

	it('in API key names are stored literally', async () => {
		const { token } = await signUp();
		for (const name of INJECTIONS) {
			const key = await createKey(token, ['experiments:read'], { name });
			expect(key.name).toBe(name);
		}
		const list = (await (await getAuthed('/api/v1/auth/api-keys', token)).json()) as {
			items: { name: string }[];
		};
		expect(list.items.map((k) => k.name).sort()).toEqual([...INJECTIONS].sort());
	});
});

describe('oversized bodies', () => {
	it('are refused with 413 on every route that takes a body, storing nothing', async () => {
		const { token } = await userWithToken('ai_architect');
		const huge = JSON.stringify({ ...validExperiment(), description: 'z'.repeat(2 * 1024 * 1024) });
		const withBody = [...foundationRouteDocs, ...accountsRouteDocs].filter((d) => d.body);
		expect(withBody.length).toBeGreaterThanOrEqual(5);
		const before = await dbSnapshot();
		for (const doc of withBody) {
			const res = await call(doc, bearer(token), huge);
			expect(res.status, `${doc.method} ${doc.path}`).toBe(413);
		}
		expect(await dbSnapshot()).toEqual(before);
	});
});
