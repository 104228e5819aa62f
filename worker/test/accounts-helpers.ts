/** Fixtures for the accounts and security tests: sign-up/sign-in through the API, keys, DB snapshots. */
import { env } from 'cloudflare:workers';
import {
	ApiKeyCreated,
	AuthTokens,
	type PermissionName,
	type Role
} from '../../src/lib/core/protocol';
import { api, postJson } from './helpers';

export const STRONG_PASSWORD = 'correct horse battery staple';

export async function signUp(
	overrides: Partial<{ email: string; password: string; display_name: string; role: Role }> = {}
): Promise<AuthTokens & { password: string }> {
	const body = {
		email: `new-${crypto.randomUUID().slice(0, 8)}@test.axon`,
		password: STRONG_PASSWORD,
		display_name: 'New Person',
		role: 'researcher' as Role,
		...overrides
	};
	const res = await postJson('/api/v1/auth/sign-up', body);
	if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
	return { ...AuthTokens.parse(await res.json()), password: body.password };
}

export async function signIn(email: string, password: string): Promise<AuthTokens> {
	const res = await postJson('/api/v1/auth/sign-in', { email, password });
	if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
	return AuthTokens.parse(await res.json());
}

export async function createKey(
	token: string,
	scopes: PermissionName[],
	extra: { name?: string; expires_in_days?: number } = {}
): Promise<ApiKeyCreated> {
	const res = await postJson('/api/v1/auth/api-keys', { name: 'ci', scopes, ...extra }, token);
	if (res.status !== 201) throw new Error(`key creation failed: ${res.status} ${await res.text()}`);
	return ApiKeyCreated.parse(await res.json());
}

export function send(method: string, path: string, headers: HeadersInit = {}, body?: string) {
	return api(path, { method, headers, ...(body === undefined ? {} : { body }) });
}

export function withKey(key: string, via: 'bearer' | 'header' = 'bearer'): HeadersInit {
	return via === 'bearer' ? { Authorization: `Bearer ${key}` } : { 'X-API-Key': key };
}

const TABLES = ['users', 'sessions', 'api_keys', 'experiments', 'audit_log'] as const;

/** Every row of the tables a request could change, to prove that a denied request changed nothing. */
export async function dbSnapshot(): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const table of TABLES) {
		const { results } = await env.DB.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
		out[table] = results;
	}
	return out;
}
