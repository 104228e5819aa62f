import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Artifact, MetricSeriesList, Run, RunList } from '../../src/lib/core/protocol';
import { getAuthed, postJson, userWithToken } from './helpers';
import {
	count,
	createExperimentFor,
	createRunFor,
	INJECTIONS,
	r2Count,
	send
} from './tracking-helpers';

const runsPath = (e: string) => `/api/v1/experiments/${e}/runs`;

describe('runs', () => {
	it('creates a run with parameters, lists it, reads it, closes it with final metrics, auditing each write', async () => {
		const { id: userId, token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const created = Run.parse(
			await (
				await postJson(
					runsPath(e.id),
					{ name: 'lr sweep', parameters: { lr: 0.01, layers: 2 } },
					token
				)
			).json()
		);
		expect(created).toMatchObject({
			experiment_id: e.id,
			status: 'running',
			parameters: { lr: 0.01, layers: 2 },
			finished_at: null
		});

		const list = RunList.parse(await (await getAuthed(runsPath(e.id), token)).json());
		expect(list.items.map((r) => r.id)).toEqual([created.id]);

		const patched = await send(
			'PATCH',
			`${runsPath(e.id)}/${created.id}`,
			{ status: 'completed', final_metrics: { sharpe: 1.4 } },
			token
		);
		expect(patched.status).toBe(200);
		const fetched = Run.parse(
			await (await getAuthed(`${runsPath(e.id)}/${created.id}`, token)).json()
		);
		expect(fetched).toMatchObject({ status: 'completed', final_metrics: { sharpe: 1.4 } });
		expect(fetched.finished_at).not.toBeNull();
		expect(await count('audit_log', 'actor_id = ? AND target_id = ?', userId, created.id)).toBe(2);
	});

	it('refuses anonymous callers (401) and observers (403) and stores nothing', async () => {
		const owner = await userWithToken('researcher');
		const e = await createExperimentFor(owner.token);
		const observer = await userWithToken('observer');
		const before = await count('experiment_runs');
		expect((await postJson(runsPath(e.id), {})).status).toBe(401);
		expect((await postJson(runsPath(e.id), {}, observer.token)).status).toBe(403);
		expect(await count('experiment_runs')).toBe(before);
	});

	it("answers 404 for another user's experiment and runs, for reads and writes alike (IDOR)", async () => {
		const owner = await userWithToken('researcher');
		const e = await createExperimentFor(owner.token);
		const run = await createRunFor(owner.token, e.id);
		const intruder = await userWithToken('ai_architect');
		const before = await count('performance_metrics');
		expect((await getAuthed(runsPath(e.id), intruder.token)).status).toBe(404);
		expect((await getAuthed(`${runsPath(e.id)}/${run.id}`, intruder.token)).status).toBe(404);
		expect((await postJson(runsPath(e.id), {}, intruder.token)).status).toBe(404);
		const metrics = await postJson(
			`${runsPath(e.id)}/${run.id}/metrics`,
			{ points: [{ name: 'loss', step: 0, value: 1 }] },
			intruder.token
		);
		expect(metrics.status).toBe(404);
		expect(
			(await send('PATCH', `${runsPath(e.id)}/${run.id}`, { status: 'failed' }, intruder.token))
				.status
		).toBe(404);
		expect(await count('performance_metrics')).toBe(before);
		// A run id under a different experiment of the owner is not found either.
		const other = await createExperimentFor(owner.token);
		expect((await getAuthed(`${runsPath(other.id)}/${run.id}`, owner.token)).status).toBe(404);
	});

	it('stores SQL-injection strings in names and parameters literally', async () => {
		const { token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		for (const s of INJECTIONS) {
			const run = Run.parse(
				await (await postJson(runsPath(e.id), { name: s, parameters: { [s]: s } }, token)).json()
			);
			expect(run.name).toBe(s.trim());
			expect(run.parameters).toEqual({ [s]: s });
		}
		expect(await count('experiments', 'id = ?', e.id)).toBe(1);
		expect(await count('experiment_runs', 'experiment_id = ?', e.id)).toBe(INJECTIONS.length);
	});
});

describe('batched metrics', () => {
	it('logs 5,000 points in one request and reads them back downsampled, first and last kept', async () => {
		const { token } = await userWithToken('data_engineer');
		const e = await createExperimentFor(token);
		const run = await createRunFor(token, e.id);
		const points = Array.from({ length: 2500 }, (_, step) => [
			{ name: 'loss', step, value: 1 / (step + 1) },
			{ name: 'val_loss', step, value: 2 / (step + 1) }
		]).flat();
		const res = await postJson(`${runsPath(e.id)}/${run.id}/metrics`, { points }, token);
		expect(res.status).toBe(202);
		expect(await res.json()).toEqual({ accepted: 5000 });
		expect(await count('performance_metrics', 'run_id = ?', run.id)).toBe(5000);

		const read = MetricSeriesList.parse(
			await (
				await getAuthed(`${runsPath(e.id)}/${run.id}/metrics?name=loss&max_points=100`, token)
			).json()
		);
		expect(read.series).toHaveLength(1);
		const loss = read.series[0]!;
		expect(loss.total_points).toBe(2500);
		expect(loss.points.length).toBeLessThanOrEqual(100);
		expect(loss.points[0]).toEqual({ step: 0, value: 1 });
		expect(loss.points.at(-1)).toEqual({ step: 2499, value: 1 / 2500 });
		const steps = loss.points.map((p) => p.step);
		expect(steps).toEqual([...steps].sort((a, b) => a - b));
	});

	it('a retried batch overwrites its points instead of duplicating them', async () => {
		const { token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const run = await createRunFor(token, e.id);
		const path = `${runsPath(e.id)}/${run.id}/metrics`;
		await postJson(path, { points: [{ name: 'loss', step: 1, value: 0.5 }] }, token);
		await postJson(path, { points: [{ name: 'loss', step: 1, value: 0.4 }] }, token);
		const read = MetricSeriesList.parse(await (await getAuthed(path, token)).json());
		expect(read.series).toEqual([
			{ name: 'loss', total_points: 1, points: [{ step: 1, value: 0.4 }] }
		]);
	});

	it('refuses more than 5,000 points, non-numbers and injection-like metric names with 400, storing nothing', async () => {
		const { token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const run = await createRunFor(token, e.id);
		const path = `${runsPath(e.id)}/${run.id}/metrics`;
		const tooMany = Array.from({ length: 5001 }, (_, step) => ({ name: 'loss', step, value: 1 }));
		expect((await postJson(path, { points: tooMany }, token)).status).toBe(400);
		expect(
			(await postJson(path, '{"points":[{"name":"loss","step":0,"value":"NaN"}]}', token)).status
		).toBe(400);
		expect(
			(await postJson(path, { points: [{ name: 'loss', step: -1, value: 1 }] }, token)).status
		).toBe(400);
		for (const name of INJECTIONS) {
			expect((await postJson(path, { points: [{ name, step: 0, value: 1 }] }, token)).status).toBe(
				400
			);
		}
		expect(await count('performance_metrics', 'run_id = ?', run.id)).toBe(0);
	});

	it('refuses metric bodies over 1 MiB with 413', async () => {
		const { token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const run = await createRunFor(token, e.id);
		const res = await postJson(
			`${runsPath(e.id)}/${run.id}/metrics`,
			`{"points":[],"pad":"${'x'.repeat(1024 * 1024)}"}`,
			token
		);
		expect(res.status).toBe(413);
		expect(await count('performance_metrics', 'run_id = ?', run.id)).toBe(0);
	});
});

describe('run artifacts', () => {
	it('stores the bytes in R2 under their SHA-256 and records name, type and size', async () => {
		const { token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const run = await createRunFor(token, e.id);
		const bytes = new TextEncoder().encode('epoch,loss\n1,0.5\n');
		const res = await send(
			'POST',
			`${runsPath(e.id)}/${run.id}/artifacts?name=loss.csv`,
			bytes,
			token,
			{ 'Content-Type': 'text/csv' }
		);
		expect(res.status).toBe(201);
		const artifact = Artifact.parse(await res.json());
		const expected = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
			.map((b) => b.toString(16).padStart(2, '0'))
			.join('');
		expect(artifact).toMatchObject({
			name: 'loss.csv',
			content_type: 'text/csv',
			size_bytes: bytes.byteLength,
			sha256: expected
		});
		const object = await env.ARTIFACTS.get(`sha256/${expected}`);
		expect(await object?.text()).toBe('epoch,loss\n1,0.5\n');

		const again = await send(
			'POST',
			`${runsPath(e.id)}/${run.id}/artifacts?name=loss.csv`,
			bytes,
			token
		);
		expect(again.status).toBe(409);
	});

	it('refuses artifacts over 10 MiB with 413 and path-like names with 400, leaving rows and R2 unchanged', async () => {
		const { token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const run = await createRunFor(token, e.id);
		const [rows, objects] = [await count('run_artifacts'), await r2Count()];
		const big = new Uint8Array(10 * 1024 * 1024 + 1);
		const res = await send(
			'POST',
			`${runsPath(e.id)}/${run.id}/artifacts?name=big.bin`,
			big,
			token,
			{ 'Content-Type': 'application/octet-stream' }
		);
		expect(res.status).toBe(413);
		for (const name of ['../etc/passwd', 'a/b', ...INJECTIONS]) {
			const bad = await send(
				'POST',
				`${runsPath(e.id)}/${run.id}/artifacts?name=${encodeURIComponent(name)}`,
				new Uint8Array(1),
				token
			);
			expect(bad.status).toBe(400);
		}
		expect(await count('run_artifacts')).toBe(rows);
		expect(await r2Count()).toBe(objects);
	});
});
