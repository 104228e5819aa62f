// Every protected tracking route, table-driven: no token is 401, a role without the permission is 403,
// and neither changes a single row or R2 object.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/lib/core/protocol';
import { postJson, userWithToken, validExperiment } from './helpers';
import {
	count,
	createExperimentFor,
	createRunFor,
	r2Count,
	send,
	tinyMlp,
	toBase64
} from './tracking-helpers';

const TABLES = [
	'experiments',
	'experiment_runs',
	'performance_metrics',
	'run_artifacts',
	'models',
	'model_versions',
	'model_aliases',
	'share_links',
	'audit_log'
] as const;

async function snapshot() {
	const rows = await Promise.all(TABLES.map((t) => count(t)));
	return { rows, objects: await r2Count() };
}

interface Case {
	method: string;
	path: string;
	body?: unknown;
	/** A role that lacks the permission, or null when every role has it (401 only). */
	deniedRole: Role | null;
}

async function fixture() {
	const owner = await userWithToken('ai_architect');
	const e = await createExperimentFor(owner.token);
	const run = await createRunFor(owner.token, e.id);
	const model = (await (
		await postJson('/api/v1/models', { name: 'm', model_type: 'mlp' }, owner.token)
	).json()) as { id: string };
	await postJson(
		`/api/v1/models/${model.id}/versions`,
		{ format: 'axon-dense-v1', artifact_base64: toBase64(JSON.stringify(tinyMlp)) },
		owner.token
	);
	const runPath = `/api/v1/experiments/${e.id}/runs/${run.id}`;
	const cases: Case[] = [
		{
			method: 'PUT',
			path: `/api/v1/experiments/${e.id}`,
			body: { ...validExperiment(), base_version: 1 },
			deniedRole: 'observer'
		},
		{ method: 'POST', path: `/api/v1/experiments/${e.id}/runs`, body: {}, deniedRole: 'observer' },
		{ method: 'GET', path: `/api/v1/experiments/${e.id}/runs`, deniedRole: null },
		{ method: 'GET', path: runPath, deniedRole: null },
		{ method: 'PATCH', path: runPath, body: { status: 'failed' }, deniedRole: 'observer' },
		{
			method: 'POST',
			path: `${runPath}/metrics`,
			body: { points: [{ name: 'loss', step: 0, value: 1 }] },
			deniedRole: 'observer'
		},
		{ method: 'GET', path: `${runPath}/metrics`, deniedRole: null },
		{
			method: 'POST',
			path: `${runPath}/artifacts?name=a.txt`,
			body: 'hello',
			deniedRole: 'observer'
		},
		{ method: 'GET', path: `${runPath}/artifacts`, deniedRole: null },
		{ method: 'GET', path: `/api/v1/analytics/experiments/${e.id}`, deniedRole: null },
		{
			method: 'POST',
			path: '/api/v1/models',
			body: { name: 'x', model_type: 'mlp' },
			deniedRole: 'data_engineer'
		},
		{ method: 'GET', path: '/api/v1/models', deniedRole: null },
		{ method: 'GET', path: `/api/v1/models/${model.id}`, deniedRole: null },
		{
			method: 'PATCH',
			path: `/api/v1/models/${model.id}`,
			body: { status: 'trained' },
			deniedRole: null
		},
		{
			method: 'POST',
			path: `/api/v1/models/${model.id}/versions`,
			body: { format: 'opaque', artifact_base64: 'AAAA' },
			deniedRole: 'observer'
		},
		{ method: 'GET', path: `/api/v1/models/${model.id}/versions`, deniedRole: null },
		{ method: 'GET', path: `/api/v1/models/${model.id}/aliases`, deniedRole: null },
		{
			method: 'PUT',
			path: `/api/v1/models/${model.id}/aliases/champion`,
			body: { version: 1 },
			deniedRole: 'researcher'
		},
		{
			method: 'DELETE',
			path: `/api/v1/models/${model.id}/aliases/champion`,
			deniedRole: 'data_engineer'
		},
		{
			method: 'POST',
			path: `/api/v1/models/${model.id}/predict`,
			body: { features: [1, 1] },
			deniedRole: null
		},
		{
			method: 'POST',
			path: '/api/v1/shares',
			body: { target_type: 'experiment', target_id: e.id },
			deniedRole: 'observer'
		},
		{ method: 'GET', path: '/api/v1/shares', deniedRole: 'observer' },
		{ method: 'DELETE', path: `/api/v1/shares/${crypto.randomUUID()}`, deniedRole: 'observer' }
	];
	return cases;
}

describe('tracking routes: authentication and roles', () => {
	it('answer 401 without a token and 403 for a role without the permission, changing nothing', async () => {
		const cases = await fixture();
		const denied = new Map<Role, string>();
		for (const role of ['observer', 'researcher', 'data_engineer'] as const)
			denied.set(role, (await userWithToken(role)).token);
		const before = await snapshot();
		for (const c of cases) {
			const anonymous = await send(c.method, c.path, c.body);
			expect(anonymous.status, `${c.method} ${c.path} without a token`).toBe(401);
			expect(anonymous.headers.get('WWW-Authenticate')).toContain('Bearer');
			if (c.deniedRole) {
				const res = await send(c.method, c.path, c.body, denied.get(c.deniedRole));
				expect(res.status, `${c.method} ${c.path} as ${c.deniedRole}`).toBe(403);
			}
		}
		expect(await snapshot()).toEqual(before);
	});

	it('refuses an oversized experiment update with 413 and keeps the stored version', async () => {
		const { token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const res = await send(
			'PUT',
			`/api/v1/experiments/${e.id}`,
			`{"base_version":1,"pad":"${'x'.repeat(300 * 1024)}"}`,
			token
		);
		expect(res.status).toBe(413);
		const fetched = await send('GET', `/api/v1/experiments/${e.id}`, undefined, token);
		expect(fetched.headers.get('ETag')).toBe('"1"');
	});
});
