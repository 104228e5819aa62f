/** Shared test fixtures: requests against the real Worker, users in the test D1, valid bodies. */
import { env, exports } from 'cloudflare:workers';
import type { ExperimentCreate, Role } from '../../src/lib/core/protocol';
import { hashPassword } from '../src/auth/password';
import { issueToken } from '../src/auth/token';
import { sha256Hex } from '../src/auth/opaque-token';
import { insertSessionStatement, newSession } from '../src/db/sessions';
import { insertUser } from '../src/db/users';

export const ORIGIN = 'http://axon.test';

/** Each call looks like a different client address, so the sign-in rate limit does not couple tests. */
let ipCounter = 0;
export function freshIp(): string {
	ipCounter += 1;
	return `198.51.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export function api(path: string, init: RequestInit = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	if (!headers.has('CF-Connecting-IP')) headers.set('CF-Connecting-IP', freshIp());
	return exports.default.fetch(new Request(`${ORIGIN}${path}`, { ...init, headers }));
}

export function postJson(path: string, body: unknown, token?: string, extra: HeadersInit = {}) {
	const headers = new Headers(extra);
	headers.set('Content-Type', 'application/json');
	if (token) headers.set('Authorization', `Bearer ${token}`);
	return api(path, {
		method: 'POST',
		headers,
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
}

export function getAuthed(path: string, token: string) {
	return api(path, { headers: { Authorization: `Bearer ${token}` } });
}

export interface TestUser {
	id: string;
	email: string;
	password: string;
	role: Role;
}

export async function createUser(
	role: Role,
	password = `pw-${crypto.randomUUID()}`
): Promise<TestUser> {
	const email = `${role}-${crypto.randomUUID().slice(0, 8)}@test.axon`;
	const id = await insertUser(env.DB, {
		email,
		display_name: `Test ${role}`,
		role,
		password: await hashPassword(password)
	});
	return { id, email, password, role };
}

/**
 * A user plus a token minted directly (skips PBKDF2 in tests that are not about sign-in). Access tokens
 * must name a live session, so one is stored for it (`sessionId`), as sign-in would.
 */
export async function userWithToken(
	role: Role,
	nowMs = Date.now()
): Promise<TestUser & { token: string; sessionId: string }> {
	const user = await createUser(role);
	const session = newSession(user.id, await sha256Hex(crypto.randomUUID()), {
		userAgent: 'vitest',
		ip: null
	});
	await insertSessionStatement(env.DB, session).run();
	const { token } = await issueToken(
		{ sub: user.id, role, sid: session.id },
		{ secret: env.AUTH_SECRET, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE },
		nowMs
	);
	return { ...user, token, sessionId: session.id };
}

export function validExperiment(overrides: Partial<ExperimentCreate> = {}): ExperimentCreate {
	return {
		name: 'GRU on BTC hourly',
		status: 'created',
		description: 'baseline',
		model_config: { model_type: 'gru', window: 32, units: 16 },
		data_config: {
			dataset: 'btc-1h',
			content_hash: 'a'.repeat(64),
			rows: 5000,
			features: ['close', 'volume'],
			train_fraction: 0.8
		},
		training_config: {
			seed: 42,
			epochs: 5,
			batch_size: 64,
			learning_rate: 0.001,
			backend: 'webgpu'
		},
		...overrides
	};
}

export async function countRows(
	table: 'experiments' | 'audit_log' | 'users' | 'sessions' | 'api_keys',
	where = '1=1',
	...binds: unknown[]
) {
	const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)
		.bind(...binds)
		.first<{ n: number }>();
	return row?.n ?? 0;
}
