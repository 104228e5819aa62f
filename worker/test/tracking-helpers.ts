/** Fixtures for the tracking specs: requests with any method, row and R2 counts, a small servable model. */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { Experiment, type DenseWeights } from '../../src/lib/core/protocol';
import { api, postJson, validExperiment } from './helpers';

export function send(
	method: string,
	path: string,
	body: unknown,
	token?: string,
	extra: HeadersInit = {}
) {
	const headers = new Headers(extra);
	if (body !== undefined && !headers.has('Content-Type'))
		headers.set('Content-Type', 'application/json');
	if (token) headers.set('Authorization', `Bearer ${token}`);
	return api(path, {
		method,
		headers,
		...(body === undefined
			? {}
			: {
					body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body)
				})
	});
}

export async function createExperimentFor(token: string, overrides = {}) {
	const res = await postJson('/api/v1/experiments', validExperiment(overrides), token);
	expect(res.status).toBe(201);
	return Experiment.parse(await res.json());
}

export async function createRunFor(
	token: string,
	experimentId: string,
	body: unknown = { name: 'run-1', parameters: { lr: 0.01 } }
) {
	const res = await postJson(`/api/v1/experiments/${experimentId}/runs`, body, token);
	expect(res.status).toBe(201);
	return (await res.json()) as { id: string; experiment_id: string };
}

type Table =
	| 'experiments'
	| 'experiment_runs'
	| 'battle_sessions'
	| 'performance_metrics'
	| 'run_artifacts'
	| 'models'
	| 'model_versions'
	| 'model_aliases'
	| 'share_links'
	| 'audit_log';

export async function count(table: Table, where = '1=1', ...binds: unknown[]): Promise<number> {
	const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)
		.bind(...binds)
		.first<{ n: number }>();
	return row?.n ?? 0;
}

export async function r2Count(): Promise<number> {
	let n = 0;
	let cursor: string | undefined;
	do {
		const page = await env.ARTIFACTS.list({ cursor, limit: 1000 });
		n += page.objects.length;
		cursor = page.truncated ? page.cursor : undefined;
	} while (cursor);
	return n;
}

/** Typical injection payloads; each must be stored literally or refused, never executed. */
export const INJECTIONS = [
	"'; DROP TABLE experiments; --",
	"x' OR '1'='1",
	'1); DELETE FROM models; --',
	'%_\\'
];

/** A 2-3-1 relu/sigmoid network: small enough to check by hand. */
export const tinyMlp: Extract<DenseWeights, { kind: 'mlp' }> = {
	format: 'axon-dense-v1',
	kind: 'mlp',
	input_size: 2,
	feature_names: ['momentum', 'volume'],
	layers: [
		{
			weights: [
				[1, 0],
				[0, 1],
				[1, 1]
			],
			bias: [0, 0, -1],
			activation: 'relu'
		},
		{ weights: [[1, -1, 0.5]], bias: [0], activation: 'sigmoid' }
	]
};

export const toBase64 = (text: string) => btoa(text);
