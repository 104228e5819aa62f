import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { FeaturePipelineResponse } from '../../src/lib/core/protocol';
import { postJson, userWithToken } from './helpers';

const PATH = '/api/v1/features/pipeline';
const DAY = 86_400_000;

function inline(n: number) {
	const time = Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 1) + i * DAY);
	const close = time.map((_, i) => 100 + Math.sin(i / 5) * 10 + i * 0.1);
	return { kind: 'inline', symbol: 'TEST', time, close };
}

const TRANSFORMATIONS = [
	{ kind: 'indicator', id: 'sma', params: { n: 5 } },
	{ kind: 'indicator', id: 'rsi' },
	{ kind: 'expression', name: 'ret1', expression: '$close / Ref($close, 1) - 1' }
];

const countPipelines = async () =>
	(await env.DB.prepare('SELECT COUNT(*) AS n FROM feature_pipelines').first<{ n: number }>())?.n ??
	0;

type ErrorBody = {
	error: { code: string; message: string; details?: { issues: { path: string }[] } };
};

describe('POST /api/v1/features/pipeline', () => {
	it('computes inline bars, returns the features with warm-up as null and records the pipeline', async () => {
		const { id: userId, token } = await userWithToken('data_engineer');
		const res = await postJson(
			PATH,
			{
				data_source: inline(40),
				transformations: TRANSFORMATIONS,
				labels: [{ kind: 'forward_return', horizon: 2 }]
			},
			token
		);
		expect(res.status).toBe(200);
		const body = FeaturePipelineResponse.parse(await res.json());
		expect(body.processing_status).toBe('completed');
		expect(body.features_generated).toEqual(['sma_5', 'rsi_14', 'ret1', 'fwd_log_return_2']);
		expect(body.warmup).toBe(14);
		if (body.result?.format !== 'json') throw new Error('expected a JSON result');
		expect(body.result.columns.sma_5.slice(0, 5)).toEqual([
			null,
			null,
			null,
			null,
			expect.any(Number)
		]);
		expect(body.result.columns.fwd_log_return_2.slice(-2)).toEqual([null, null]);
		const row = await env.DB.prepare('SELECT * FROM feature_pipelines WHERE id = ?')
			.bind(body.pipeline_id)
			.first<Record<string, unknown>>();
		expect(row).toMatchObject({
			owner_id: userId,
			spec_hash: body.spec_hash,
			processing_status: 'completed',
			rows: 40,
			warmup: 14
		});
		const features = await env.DB.prepare(
			'SELECT name FROM features WHERE feature_set_id = ? ORDER BY name'
		)
			.bind(row?.feature_set_id)
			.all<{ name: string }>();
		expect(features.results.map((f) => f.name)).toEqual([
			'fwd_log_return_2',
			'ret1',
			'rsi_14',
			'sma_5'
		]);
	});

	it('answers CSV with NaN written out when asked', async () => {
		const { token } = await userWithToken('researcher');
		const res = await postJson(
			PATH,
			{
				data_source: inline(10),
				transformations: TRANSFORMATIONS.slice(0, 1),
				output_format: 'csv'
			},
			token
		);
		const body = FeaturePipelineResponse.parse(await res.json());
		expect(body.result?.format === 'csv' && body.result.text.split('\n')[1]).toBe(
			'2024-01-01T00:00:00.000Z,NaN'
		);
	});

	it('records a dataset reference as accepted (202) with the cache key the browser uses', async () => {
		const { token } = await userWithToken('ai_architect');
		const res = await postJson(
			PATH,
			{
				data_source: { kind: 'dataset', content_hash: 'b'.repeat(64), rows: 5550 },
				transformations: TRANSFORMATIONS
			},
			token
		);
		expect(res.status).toBe(202);
		const body = FeaturePipelineResponse.parse(await res.json());
		expect(body).toMatchObject({
			processing_status: 'accepted',
			features_generated: ['sma_5', 'rsi_14', 'ret1']
		});
		expect(body.result).toBeUndefined();
	});

	it('refuses anonymous callers with 401 and stores nothing', async () => {
		const before = await countPipelines();
		const res = await postJson(PATH, { data_source: inline(10), transformations: TRANSFORMATIONS });
		expect(res.status).toBe(401);
		expect(await countPipelines()).toBe(before);
	});

	it('refuses observers with 403 and stores nothing', async () => {
		const { token } = await userWithToken('observer');
		const before = await countPipelines();
		const res = await postJson(
			PATH,
			{ data_source: inline(10), transformations: TRANSFORMATIONS },
			token
		);
		expect(res.status).toBe(403);
		expect(await countPipelines()).toBe(before);
	});

	it.each([
		[
			{ kind: 'indicator', id: 'rsi', params: { n: 0 } },
			'transformations[1] (rsi): n must be an integer'
		],
		[{ kind: 'indicator', id: 'no_such' }, 'transformations[1]: unknown indicator "no_such"'],
		[
			{ kind: 'expression', name: 'x', expression: 'Mean($close, 5' },
			"transformations[1] (x): expected ')'"
		]
	])('answers 400 naming the offending transformation for %j', async (bad, message) => {
		const { token } = await userWithToken('researcher');
		const before = await countPipelines();
		const res = await postJson(
			PATH,
			{ data_source: inline(10), transformations: [TRANSFORMATIONS[0], bad] },
			token
		);
		expect(res.status).toBe(400);
		const body = (await res.json()) as ErrorBody;
		expect(body.error.message).toContain(message);
		expect(body.error.details?.issues[0].path).toMatch(/^transformations\[1\]/);
		expect(await countPipelines()).toBe(before);
	});

	it('treats SQL-injection strings as data: refused where they are not names, stored verbatim where they are', async () => {
		const { token } = await userWithToken('researcher');
		const injected = "x'); DROP TABLE feature_pipelines; --";
		const asName = await postJson(
			PATH,
			{
				data_source: inline(10),
				transformations: [{ kind: 'expression', name: injected, expression: '$close' }]
			},
			token
		);
		expect(asName.status).toBe(400);
		const asPipelineName = await postJson(
			PATH,
			{ name: injected, data_source: inline(10), transformations: TRANSFORMATIONS.slice(0, 1) },
			token
		);
		expect(asPipelineName.status).toBe(200);
		const { pipeline_id } = FeaturePipelineResponse.parse(await asPipelineName.json());
		const row = await env.DB.prepare(
			'SELECT fs.name FROM feature_pipelines fp JOIN feature_sets fs ON fs.id = fp.feature_set_id WHERE fp.id = ?'
		)
			.bind(pipeline_id)
			.first<{ name: string }>();
		expect(row?.name).toBe(injected);
		expect(await countPipelines()).toBeGreaterThan(0);
	});

	it('answers 413 for a body over 2 MiB and for more than 10,000 inline bars', async () => {
		const { token } = await userWithToken('researcher');
		const before = await countPipelines();
		const huge = await postJson(
			PATH,
			{ data_source: inline(10), transformations: TRANSFORMATIONS, name: 'x'.repeat(3 * 2 ** 20) },
			token
		);
		expect(huge.status).toBe(413);
		const many = await postJson(
			PATH,
			{ data_source: inline(10_001), transformations: TRANSFORMATIONS },
			token
		);
		expect(many.status).toBe(413);
		expect(((await many.json()) as ErrorBody).error.message).toContain('at most 10000');
		expect(await countPipelines()).toBe(before);
	});

	it('answers 400 for unordered inline times, naming the index', async () => {
		const { token } = await userWithToken('researcher');
		const bars = inline(10);
		[bars.time[3], bars.time[4]] = [bars.time[4], bars.time[3]];
		const res = await postJson(
			PATH,
			{ data_source: bars, transformations: TRANSFORMATIONS },
			token
		);
		expect(res.status).toBe(400);
		expect(((await res.json()) as ErrorBody).error.message).toContain('data_source.time[4]');
	});
});
