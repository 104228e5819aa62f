import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
	AliasHistory,
	Model,
	ModelList,
	ModelVersion,
	ModelVersionList,
	PredictResponse
} from '../../src/lib/core/protocol';
import { getAuthed, postJson, userWithToken } from './helpers';
import { count, INJECTIONS, r2Count, send, tinyMlp, toBase64 } from './tracking-helpers';

async function createModel(token: string, overrides = {}) {
	const res = await postJson(
		'/api/v1/models',
		{ name: 'momentum mlp', model_type: 'mlp', card: { intended_use: 'research' }, ...overrides },
		token
	);
	expect(res.status).toBe(201);
	return Model.parse(await res.json());
}

async function addVersion(token: string, modelId: string, weights: unknown = tinyMlp, extra = {}) {
	const res = await postJson(
		`/api/v1/models/${modelId}/versions`,
		{
			format: 'axon-dense-v1',
			content_type: 'application/json',
			artifact_base64: toBase64(JSON.stringify(weights)),
			metrics: { auc: 0.61 },
			...extra
		},
		token
	);
	expect(res.status).toBe(201);
	return ModelVersion.parse(await res.json());
}

describe('model registry', () => {
	it('registers a model with its card, lists and reads it', async () => {
		const { token } = await userWithToken('researcher');
		const m = await createModel(token);
		expect(m).toMatchObject({ status: 'training', card: { intended_use: 'research' } });
		expect(
			ModelList.parse(await (await getAuthed('/api/v1/models', token)).json()).items.map(
				(x) => x.id
			)
		).toEqual([m.id]);
		expect(Model.parse(await (await getAuthed(`/api/v1/models/${m.id}`, token)).json())).toEqual(m);
	});

	it('adds immutable, numbered versions whose artifact is content-hashed in R2', async () => {
		const { token } = await userWithToken('ai_architect');
		const m = await createModel(token);
		const v1 = await addVersion(token, m.id, tinyMlp, { performance_score: 0.4 });
		const v2 = await addVersion(
			token,
			m.id,
			{ ...tinyMlp, feature_names: ['a', 'b'] },
			{ performance_score: 0.7 }
		);
		expect([v1.version, v2.version]).toEqual([1, 2]);
		const bytes = new TextEncoder().encode(JSON.stringify(tinyMlp));
		const hex = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
			.map((b) => b.toString(16).padStart(2, '0'))
			.join('');
		expect(v1).toMatchObject({ sha256: hex, size_bytes: bytes.byteLength, metrics: { auc: 0.61 } });
		expect(await (await env.ARTIFACTS.get(`sha256/${hex}`))?.text()).toBe(JSON.stringify(tinyMlp));
		const list = ModelVersionList.parse(
			await (await getAuthed(`/api/v1/models/${m.id}/versions`, token)).json()
		);
		expect(list.items.map((v) => v.version)).toEqual([2, 1]);
		expect(
			Model.parse(await (await getAuthed(`/api/v1/models/${m.id}`, token)).json()).best_score
		).toBe(0.7);
		// No route rewrites a version.
		expect((await send('PUT', `/api/v1/models/${m.id}/versions`, {}, token)).status).toBe(405);
	});

	it('refuses artifacts over 10 MiB (413) and weights that do not chain (400), leaving rows and R2 unchanged', async () => {
		const { token } = await userWithToken('researcher');
		const m = await createModel(token);
		const [rows, objects] = [await count('model_versions'), await r2Count()];
		const big = 'A'.repeat(Math.ceil((10 * 1024 * 1024 + 3) / 3) * 4);
		const tooBig = await postJson(
			`/api/v1/models/${m.id}/versions`,
			{ format: 'opaque', artifact_base64: big },
			token
		);
		expect(tooBig.status).toBe(413);
		const broken = {
			...tinyMlp,
			layers: [tinyMlp.layers[0], { weights: [[1, 2]], bias: [0], activation: 'linear' }]
		};
		const bad = await postJson(
			`/api/v1/models/${m.id}/versions`,
			{ format: 'axon-dense-v1', artifact_base64: toBase64(JSON.stringify(broken)) },
			token
		);
		expect(bad.status).toBe(400);
		expect(await count('model_versions')).toBe(rows);
		expect(await r2Count()).toBe(objects);
	});

	it('moves champion/challenger aliases with an audit trail of who moved them', async () => {
		const { id: architect, token } = await userWithToken('ai_architect');
		const m = await createModel(token);
		await addVersion(token, m.id);
		await addVersion(token, m.id);
		expect(
			(await send('PUT', `/api/v1/models/${m.id}/aliases/champion`, { version: 1 }, token)).status
		).toBe(200);
		expect(
			(await send('PUT', `/api/v1/models/${m.id}/aliases/challenger`, { version: 2 }, token)).status
		).toBe(200);
		expect(
			(await send('PUT', `/api/v1/models/${m.id}/aliases/champion`, { version: 2 }, token)).status
		).toBe(200);
		expect(
			(await send('DELETE', `/api/v1/models/${m.id}/aliases/challenger`, undefined, token)).status
		).toBe(204);
		expect(
			(await send('PUT', `/api/v1/models/${m.id}/aliases/champion`, { version: 9 }, token)).status
		).toBe(404);

		const h = AliasHistory.parse(
			await (await getAuthed(`/api/v1/models/${m.id}/aliases`, token)).json()
		);
		expect(h.aliases).toMatchObject([{ alias: 'champion', version: 2, updated_by: architect }]);
		expect(h.events.map((e) => [e.alias, e.from_version, e.to_version, e.actor_id])).toEqual([
			['champion', null, 1, architect],
			['challenger', null, 2, architect],
			['champion', 1, 2, architect],
			['challenger', 2, null, architect]
		]);
	});

	it('guards aliases and status transitions by role', async () => {
		const researcher = await userWithToken('researcher');
		const m = await createModel(researcher.token);
		await addVersion(researcher.token, m.id);
		const aliasesBefore = await count('model_aliases');
		expect(
			(
				await send(
					'PUT',
					`/api/v1/models/${m.id}/aliases/champion`,
					{ version: 1 },
					researcher.token
				)
			).status
		).toBe(403);
		expect(await count('model_aliases')).toBe(aliasesBefore);

		const path = `/api/v1/models/${m.id}`;
		expect((await send('PATCH', path, { status: 'trained' }, researcher.token)).status).toBe(200);
		expect((await send('PATCH', path, { status: 'deployed' }, researcher.token)).status).toBe(403);
		expect(Model.parse(await (await getAuthed(path, researcher.token)).json()).status).toBe(
			'trained'
		);

		const observer = await userWithToken('observer');
		const dataEngineer = await userWithToken('data_engineer');
		expect(
			(await postJson('/api/v1/models', { name: 'x', model_type: 'mlp' }, observer.token)).status
		).toBe(403);
		expect(
			(await postJson('/api/v1/models', { name: 'x', model_type: 'mlp' }, dataEngineer.token))
				.status
		).toBe(403);
		expect((await postJson('/api/v1/models', { name: 'x', model_type: 'mlp' })).status).toBe(401);
	});

	it('follows the transition table: trained → deployed → archived for an architect; skipping steps is a 409', async () => {
		const { token } = await userWithToken('ai_architect');
		const m = await createModel(token);
		const path = `/api/v1/models/${m.id}`;
		expect((await send('PATCH', path, { status: 'deployed' }, token)).status).toBe(409);
		for (const status of ['trained', 'deployed', 'archived'] as const) {
			const res = await send('PATCH', path, { status }, token);
			expect(res.status).toBe(200);
			expect(Model.parse(await res.json()).status).toBe(status);
		}
	});

	it("answers 404 for another user's model on every route (IDOR)", async () => {
		const owner = await userWithToken('ai_architect');
		const m = await createModel(owner.token);
		await addVersion(owner.token, m.id);
		const intruder = await userWithToken('ai_architect');
		const versions = await count('model_versions', 'model_id = ?', m.id);
		expect((await getAuthed(`/api/v1/models/${m.id}`, intruder.token)).status).toBe(404);
		expect((await getAuthed(`/api/v1/models/${m.id}/versions`, intruder.token)).status).toBe(404);
		expect(
			(
				await postJson(
					`/api/v1/models/${m.id}/versions`,
					{ format: 'opaque', artifact_base64: 'AAAA' },
					intruder.token
				)
			).status
		).toBe(404);
		expect(
			(await send('PUT', `/api/v1/models/${m.id}/aliases/champion`, { version: 1 }, intruder.token))
				.status
		).toBe(404);
		expect(
			(await send('PATCH', `/api/v1/models/${m.id}`, { status: 'archived' }, intruder.token)).status
		).toBe(404);
		expect(
			(await postJson(`/api/v1/models/${m.id}/predict`, { features: [1, 1] }, intruder.token))
				.status
		).toBe(404);
		expect(await count('model_versions', 'model_id = ?', m.id)).toBe(versions);
	});

	it('stores SQL-injection strings in model text fields literally and refuses them as alias names', async () => {
		const { token } = await userWithToken('ai_architect');
		for (const s of INJECTIONS) {
			const m = await createModel(token, {
				name: s,
				description: s,
				model_type: s.slice(0, 50),
				card: { [s]: s }
			});
			expect(m).toMatchObject({ name: s.trim(), description: s, card: { [s]: s } });
			const res = await send(
				'PUT',
				`/api/v1/models/${m.id}/aliases/${encodeURIComponent(s)}`,
				{ version: 1 },
				token
			);
			expect(res.status).toBe(400);
		}
		expect(await count('model_aliases')).toBeGreaterThanOrEqual(0);
		expect(await count('models')).toBeGreaterThanOrEqual(INJECTIONS.length);
	});
});

describe('POST /api/v1/models/{id}/predict', () => {
	it('serves the champion with prediction, confidence, feature importance and processing time', async () => {
		const { token } = await userWithToken('ai_architect');
		const m = await createModel(token);
		await addVersion(token, m.id);
		await addVersion(token, m.id, {
			format: 'axon-dense-v1',
			kind: 'linear',
			input_size: 2,
			coefficients: [1, 1],
			intercept: 0,
			link: 'identity'
		});
		await send('PUT', `/api/v1/models/${m.id}/aliases/champion`, { version: 1 }, token);

		const observer = await userWithToken('observer');
		expect(
			(await postJson(`/api/v1/models/${m.id}/predict`, { features: [1, 1] }, observer.token))
				.status
		).toBe(404);

		const res = await postJson(
			`/api/v1/models/${m.id}/predict`,
			{ features: [2, 1], explain: true },
			token
		);
		expect(res.status).toBe(200);
		const p = PredictResponse.parse(await res.json());
		// relu([2, 1, 2]) → 2 - 1 + 0.5·2 = 2 → sigmoid(2)
		expect(p.prediction[0]).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
		expect(p.confidence).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
		expect(p.model_version).toBe(1);
		expect(p.feature_importance?.map((f) => f.feature)).toEqual(['momentum', 'volume']);
		expect(p.processing_time_ms).toBeGreaterThanOrEqual(0);

		const latest = PredictResponse.parse(
			await (
				await postJson(`/api/v1/models/${m.id}/predict`, { features: [2, 1], version: 2 }, token)
			).json()
		);
		expect(latest).toMatchObject({ prediction: [3], confidence: null, model_version: 2 });
	});

	it('validates the input shape strictly', async () => {
		const { token } = await userWithToken('researcher');
		const m = await createModel(token);
		const none = await postJson(`/api/v1/models/${m.id}/predict`, { features: [1, 2] }, token);
		expect(none.status).toBe(404);
		await addVersion(token, m.id);
		const path = `/api/v1/models/${m.id}/predict`;
		const wrong = await postJson(path, { features: [1, 2, 3] }, token);
		expect(wrong.status).toBe(400);
		expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain(
			'exactly 2 features'
		);
		expect((await postJson(path, { features: [] }, token)).status).toBe(400);
		expect((await postJson(path, { features: ['1', 2] }, token)).status).toBe(400);
		expect((await postJson(path, '{"features":[1e999, 1]}', token)).status).toBe(400);
		expect((await postJson(path, { features: [1, 2] })).status).toBe(401);
	});
});
