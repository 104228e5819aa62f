import { describe, expect, it } from 'vitest';
import {
	ApiError,
	ExperimentAnalytics,
	VersionConflict,
	VersionedExperiment,
	VersionedExperimentList,
	type VersionedExperiment as VE
} from '../../src/lib/core/protocol';
import { getAuthed, postJson, userWithToken, validExperiment } from './helpers';
import { count, createExperimentFor, createRunFor, INJECTIONS, send } from './tracking-helpers';

const results = (sharpe: number | null) => ({
	final_train_loss: 0.1,
	final_val_loss: 0.2,
	total_return: 0.05,
	sharpe,
	max_drawdown: -0.1,
	trades: 12,
	backend: 'webgpu'
});

describe('PUT /api/v1/experiments/{id} (optimistic concurrency)', () => {
	it('replaces the experiment at the current version, bumps the version and audits the change', async () => {
		const { id: userId, token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const res = await send(
			'PUT',
			`/api/v1/experiments/${e.id}`,
			{ ...validExperiment({ name: 'renamed' }), base_version: 1 },
			token
		);
		expect(res.status).toBe(200);
		expect(res.headers.get('ETag')).toBe('"2"');
		expect(VersionedExperiment.parse(await res.json())).toMatchObject({
			name: 'renamed',
			version: 2
		});
		const fetched = await getAuthed(`/api/v1/experiments/${e.id}`, token);
		expect(fetched.headers.get('ETag')).toBe('"2"');
		expect(await fetched.json()).toMatchObject({ name: 'renamed' });
		expect(await count('audit_log', "actor_id = ? AND action = 'experiment.update'", userId)).toBe(
			1
		);
	});

	it('accepts If-Match instead of base_version', async () => {
		const { token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const res = await send(
			'PUT',
			`/api/v1/experiments/${e.id}`,
			validExperiment({ name: 'via etag' }),
			token,
			{ 'If-Match': '"1"' }
		);
		expect(res.status).toBe(200);
	});

	it('answers a stale write with 409 and the server copy, and changes nothing', async () => {
		const { id: userId, token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const path = `/api/v1/experiments/${e.id}`;
		expect(
			(
				await send(
					'PUT',
					path,
					{ ...validExperiment({ name: 'browser A' }), base_version: 1 },
					token
				)
			).status
		).toBe(200);
		const audits = await count('audit_log', 'actor_id = ?', userId);

		const stale = await send(
			'PUT',
			path,
			{ ...validExperiment({ name: 'browser B' }), base_version: 1 },
			token
		);
		expect(stale.status).toBe(409);
		const body = ApiError.parse(await stale.json());
		expect(body.error.code).toBe('conflict');
		const { server } = VersionConflict.parse(body.error.details);
		expect(server).toMatchObject({ name: 'browser A', version: 2 });
		expect(await (await getAuthed(path, token)).json()).toMatchObject({ name: 'browser A' });
		expect(await count('audit_log', 'actor_id = ?', userId)).toBe(audits);
	});

	it('requires a base version, a writer role and ownership', async () => {
		const { token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const path = `/api/v1/experiments/${e.id}`;
		expect((await send('PUT', path, validExperiment(), token)).status).toBe(400);
		expect((await send('PUT', path, { ...validExperiment(), base_version: 1 })).status).toBe(401);
		const observer = await userWithToken('observer');
		expect(
			(await send('PUT', path, { ...validExperiment(), base_version: 1 }, observer.token)).status
		).toBe(403);
		const intruder = await userWithToken('researcher');
		expect(
			(
				await send(
					'PUT',
					path,
					{ ...validExperiment({ name: 'pwned' }), base_version: 1 },
					intruder.token
				)
			).status
		).toBe(404);
		expect(await (await getAuthed(path, token)).json()).toMatchObject({ name: e.name });
	});

	it('stores SQL-injection strings in every text field literally', async () => {
		const { token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const s = INJECTIONS[0]!;
		const body = validExperiment({ name: s, description: s });
		body.data_config = { ...body.data_config, dataset: s, source: s, features: [s] };
		body.training_config = { ...body.training_config, backend: s };
		const res = await send(
			'PUT',
			`/api/v1/experiments/${e.id}`,
			{ ...body, base_version: 1 },
			token
		);
		expect(res.status).toBe(200);
		expect(await (await getAuthed(`/api/v1/experiments/${e.id}`, token)).json()).toMatchObject({
			name: s,
			description: s,
			data_config: { dataset: s, source: s, features: [s] }
		});
		expect(await count('experiments')).toBeGreaterThan(0);
	});
});

describe('GET /api/v1/experiments: filter and sort', () => {
	async function allPages(token: string, query: string): Promise<VE[]> {
		const seen: VE[] = [];
		let cursor: string | null = null;
		for (let pages = 0; pages < 20; pages++) {
			const q: string = cursor ? `${query}&cursor=${encodeURIComponent(cursor)}` : query;
			const res = await getAuthed(`/api/v1/experiments?${q}`, token);
			expect(res.status).toBe(200);
			const page = VersionedExperimentList.parse(await res.json());
			seen.push(...page.items);
			cursor = page.next_cursor;
			if (!cursor) break;
		}
		return seen;
	}

	it('pages through every sort in both orders without gaps or repeats; unscored experiments come last', async () => {
		const { token } = await userWithToken('researcher');
		const specs = [
			{ name: 'delta', sharpe: 0.5 },
			{ name: 'alpha', sharpe: 2.0 },
			{ name: 'charlie', sharpe: null },
			{ name: 'bravo', sharpe: 0.5 },
			{ name: 'echo', sharpe: -1 }
		];
		for (const s of specs) {
			await postJson(
				'/api/v1/experiments',
				validExperiment({
					name: s.name,
					...(s.sharpe === null ? {} : { results: results(s.sharpe) })
				}),
				token
			);
		}
		const byName = await allPages(token, 'sort=name&order=asc&limit=2');
		expect(byName.map((e) => e.name)).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
		const byNameDesc = await allPages(token, 'sort=name&order=desc&limit=2');
		expect(byNameDesc.map((e) => e.name)).toEqual(['echo', 'delta', 'charlie', 'bravo', 'alpha']);

		const best = await allPages(token, 'sort=best_score&order=desc&limit=2');
		expect(best.map((e) => e.name).slice(0, 1)).toEqual(['alpha']);
		expect(
			best
				.map((e) => e.name)
				.slice(1, 3)
				.sort()
		).toEqual(['bravo', 'delta']);
		expect(best.map((e) => e.name).slice(3)).toEqual(['echo', 'charlie']);
		const worst = await allPages(token, 'sort=best_score&order=asc&limit=1');
		expect(worst.map((e) => e.name)[0]).toBe('echo');
		expect(worst.at(-1)?.name).toBe('charlie');
		expect(new Set(worst.map((e) => e.id)).size).toBe(5);

		const newest = await allPages(token, 'sort=created_at&order=desc&limit=2');
		expect(newest).toHaveLength(5);
	});

	it('filters by name (q, wildcards literal) and status; a cursor from another sort is refused', async () => {
		const { token } = await userWithToken('researcher');
		for (const name of ['GRU 50%', 'GRU 500', 'LSTM base']) {
			await postJson(
				'/api/v1/experiments',
				validExperiment({ name, status: name.startsWith('LSTM') ? 'completed' : 'created' }),
				token
			);
		}
		expect((await allPages(token, 'q=gru')).map((e) => e.name).sort()).toEqual([
			'GRU 50%',
			'GRU 500'
		]);
		expect((await allPages(token, `q=${encodeURIComponent('50%')}`)).map((e) => e.name)).toEqual([
			'GRU 50%'
		]);
		expect((await allPages(token, 'status=completed')).map((e) => e.name)).toEqual(['LSTM base']);
		for (const s of INJECTIONS)
			expect(await allPages(token, `q=${encodeURIComponent(s)}`)).toEqual([]);

		const first = VersionedExperimentList.parse(
			await (await getAuthed('/api/v1/experiments?sort=name&limit=1', token)).json()
		);
		const wrong = await getAuthed(
			`/api/v1/experiments?sort=created_at&limit=1&cursor=${encodeURIComponent(first.next_cursor!)}`,
			token
		);
		expect(wrong.status).toBe(400);
		expect((await getAuthed('/api/v1/experiments?sort=owner_id', token)).status).toBe(400);
	});
});

describe('GET /api/v1/analytics/experiments/{id}', () => {
	it('returns performance, training history, feature importance and diagnostics', async () => {
		const { token } = await userWithToken('researcher');
		const e = await createExperimentFor(token, { results: results(1.25) });
		const run = await createRunFor(token, e.id);
		const points = [
			...[1, 0.8, 0.6, 0.5, 0.4, 0.3].map((value, step) => ({ name: 'loss', step, value })),
			...[1, 0.9, 0.8, 0.85, 0.9, 1.0].map((value, step) => ({ name: 'val_loss', step, value })),
			{ name: 'feature_importance/close', step: 0, value: 0.7 },
			{ name: 'feature_importance/volume', step: 0, value: 0.2 }
		];
		await postJson(`/api/v1/experiments/${e.id}/runs/${run.id}/metrics`, { points }, token);
		await send(
			'PATCH',
			`/api/v1/experiments/${e.id}/runs/${run.id}`,
			{ status: 'completed', final_metrics: { val_loss: 1 } },
			token
		);

		const res = await getAuthed(`/api/v1/analytics/experiments/${e.id}`, token);
		expect(res.status).toBe(200);
		const a = ExperimentAnalytics.parse(await res.json());
		expect(a.performance).toMatchObject({
			best_score: 1.25,
			runs: { total: 1, by_status: { completed: 1 } }
		});
		expect(a.performance.final_metrics).toEqual([{ run_id: run.id, metrics: { val_loss: 1 } }]);
		expect(a.training_history[0]!.series.map((s) => s.name)).toEqual(['loss', 'val_loss']);
		expect(a.feature_importance).toEqual([
			{ feature: 'close', importance: 0.7 },
			{ feature: 'volume', importance: 0.2 }
		]);
		expect(a.diagnostics.map((d) => d.code)).toContain('overfitting');
	});

	it("is owner-only (404 for another user's experiment) and needs a token", async () => {
		const owner = await userWithToken('researcher');
		const e = await createExperimentFor(owner.token);
		const other = await userWithToken('observer');
		expect((await getAuthed(`/api/v1/analytics/experiments/${e.id}`, other.token)).status).toBe(
			404
		);
		expect((await send('GET', `/api/v1/analytics/experiments/${e.id}`, undefined)).status).toBe(
			401
		);
	});
});
