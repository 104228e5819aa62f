import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Experiment, ExperimentList } from '../../src/lib/core/protocol';
import { api, countRows, getAuthed, postJson, userWithToken, validExperiment } from './helpers';

type ErrorBody = {
	error: {
		code: string;
		message: string;
		details?: { issues: { path: string; message: string }[] };
	};
};

async function create(token: string, overrides = {}) {
	const res = await postJson('/api/v1/experiments', validExperiment(overrides), token);
	expect(res.status).toBe(201);
	return Experiment.parse(await res.json());
}

describe('POST /api/v1/experiments', () => {
	it('stores the experiment for the caller and returns it with 201 and a Location', async () => {
		const { id: userId, token } = await userWithToken('researcher');
		const res = await postJson('/api/v1/experiments', validExperiment(), token);
		expect(res.status).toBe(201);
		const created = Experiment.parse(await res.json());
		expect(created).toMatchObject({ ...validExperiment(), owner_id: userId });
		expect(res.headers.get('Location')).toBe(`/api/v1/experiments/${created.id}`);

		const fetched = await getAuthed(`/api/v1/experiments/${created.id}`, token);
		expect(fetched.status).toBe(200);
		expect(await fetched.json()).toEqual(created);
	});

	it('writes an audit row with who, what, which and from where', async () => {
		const { id: userId, token } = await userWithToken('ai_architect');
		const res = await postJson('/api/v1/experiments', validExperiment(), token, {
			'CF-Connecting-IP': '203.0.113.44'
		});
		const { id } = (await res.json()) as { id: string };
		const row = await env.DB.prepare('SELECT * FROM audit_log WHERE target_id = ?')
			.bind(id)
			.first<Record<string, unknown>>();
		expect(row).toMatchObject({
			actor_id: userId,
			action: 'experiment.create',
			target_type: 'experiment',
			ip: '203.0.113.44'
		});
		expect(Date.now() - Date.parse(String(row?.created_at))).toBeLessThan(60_000);
	});

	it('refuses anonymous callers with 401 and stores nothing', async () => {
		const before = await countRows('experiments');
		const res = await postJson('/api/v1/experiments', validExperiment());
		expect(res.status).toBe(401);
		expect(await countRows('experiments')).toBe(before);
	});

	it('refuses observers with 403 and stores nothing', async () => {
		const { id, token } = await userWithToken('observer');
		const res = await postJson('/api/v1/experiments', validExperiment(), token);
		expect(res.status).toBe(403);
		expect(((await res.json()) as ErrorBody).error.code).toBe('forbidden');
		expect(await countRows('experiments', 'owner_id = ?', id)).toBe(0);
	});

	it('lets every writing role create', async () => {
		for (const role of ['researcher', 'data_engineer', 'ai_architect'] as const) {
			const { token } = await userWithToken(role);
			expect((await postJson('/api/v1/experiments', validExperiment(), token)).status).toBe(201);
		}
	});

	it('rejects missing fields, wrong types and oversized strings with 400, per field, storing nothing', async () => {
		const { id, token } = await userWithToken('researcher');
		const { model_config: _omitted, ...missing } = validExperiment();
		const cases: [unknown, string[]][] = [
			[missing, ['model_config']],
			[validExperiment({ name: 42 as unknown as string }), ['name']],
			[
				{
					...validExperiment(),
					training_config: { ...validExperiment().training_config, epochs: 'ten' }
				},
				['training_config.epochs']
			],
			[validExperiment({ name: 'x'.repeat(10_000) }), ['name']],
			[validExperiment({ description: 'y'.repeat(100_000) }), ['description']],
			[{ ...validExperiment(), status: 'exploded' }, ['status']],
			[[], ['(body)']]
		];
		for (const [body, paths] of cases) {
			const res = await postJson('/api/v1/experiments', body, token);
			expect(res.status).toBe(400);
			const err = (await res.json()) as ErrorBody;
			expect(err.error.code).toBe('bad_input');
			expect(err.error.details?.issues.map((i) => i.path)).toEqual(paths);
			expect(err.error.details?.issues.every((i) => i.message.length > 0)).toBe(true);
		}
		expect(await countRows('experiments', 'owner_id = ?', id)).toBe(0);
	});

	it('rejects invalid JSON with 400 bad_json', async () => {
		const { token } = await userWithToken('researcher');
		const res = await postJson('/api/v1/experiments', '{"name": ', token);
		expect(res.status).toBe(400);
		expect(((await res.json()) as ErrorBody).error.code).toBe('bad_json');
	});

	it('rejects bodies over 256 KiB with 413, storing nothing', async () => {
		const { id, token } = await userWithToken('researcher');
		const huge = JSON.stringify({ ...validExperiment(), description: 'z'.repeat(300 * 1024) });
		const res = await postJson('/api/v1/experiments', huge, token);
		expect(res.status).toBe(413);
		expect(((await res.json()) as ErrorBody).error.code).toBe('too_large');
		expect(await countRows('experiments', 'owner_id = ?', id)).toBe(0);
	});

	it('rejects bodies over 256 KiB even when streamed without a Content-Length', async () => {
		const { token } = await userWithToken('researcher');
		const chunk = new TextEncoder().encode('z'.repeat(64 * 1024));
		let sent = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent++ < 8) controller.enqueue(chunk);
				else controller.close();
			}
		});
		const res = await api('/api/v1/experiments', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
			body
		});
		expect(res.status).toBe(413);
	});

	it('rejects non-JSON content types with 415', async () => {
		const { token } = await userWithToken('researcher');
		const res = await api('/api/v1/experiments', {
			method: 'POST',
			headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${token}` },
			body: JSON.stringify(validExperiment())
		});
		expect(res.status).toBe(415);
		expect(((await res.json()) as ErrorBody).error.code).toBe('unsupported_media_type');
	});

	it('stores SQL-injection strings literally', async () => {
		const { token } = await userWithToken('researcher');
		const name = "x'); DROP TABLE experiments; --";
		const description = `" OR 1=1 -- ; SELECT * FROM users`;
		const created = await create(token, { name, description });
		const fetched = Experiment.parse(
			await (await getAuthed(`/api/v1/experiments/${created.id}`, token)).json()
		);
		expect(fetched.name).toBe(name);
		expect(fetched.description).toBe(description);
		expect(await countRows('experiments', 'id = ?', created.id)).toBe(1);
	});
});

describe('GET /api/v1/experiments', () => {
	it("lists only the caller's experiments, newest first, across cursor pages", async () => {
		const { token } = await userWithToken('researcher');
		const other = await userWithToken('researcher');
		await create(other.token, { name: 'not mine' });
		const names = ['e1', 'e2', 'e3', 'e4', 'e5'];
		for (const name of names) await create(token, { name });

		const seen: Experiment[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
			const res = await getAuthed(`/api/v1/experiments${query}`, token);
			expect(res.status).toBe(200);
			const page = ExperimentList.parse(await res.json());
			expect(page.items.length).toBeLessThanOrEqual(2);
			seen.push(...page.items);
			cursor = page.next_cursor;
			pages++;
		} while (cursor && pages < 10);
		expect(pages).toBe(3);
		expect(seen.map((e) => e.name).sort()).toEqual(names);
		// Newest first; creations in the same millisecond are ordered by id, as the cursor assumes.
		const key = (e: Experiment) => `${e.created_at}|${e.id}`;
		expect(seen.map(key)).toEqual(seen.map(key).sort().reverse());
	});

	it('filters by status', async () => {
		const { token } = await userWithToken('researcher');
		await create(token, { name: 'done', status: 'completed' });
		await create(token, { name: 'new' });
		const page = ExperimentList.parse(
			await (await getAuthed('/api/v1/experiments?status=completed', token)).json()
		);
		expect(page.items.map((e) => e.name)).toEqual(['done']);
	});

	it('lets observers read (their own) experiments', async () => {
		const { token } = await userWithToken('observer');
		const res = await getAuthed('/api/v1/experiments', token);
		expect(res.status).toBe(200);
		expect(ExperimentList.parse(await res.json())).toEqual({ items: [], next_cursor: null });
	});

	it('rejects a bad limit or a forged cursor with 400', async () => {
		const { token } = await userWithToken('researcher');
		expect((await getAuthed('/api/v1/experiments?limit=1000', token)).status).toBe(400);
		expect((await getAuthed('/api/v1/experiments?cursor=not-a-cursor', token)).status).toBe(400);
	});

	it('requires a token', async () => {
		expect((await api('/api/v1/experiments')).status).toBe(401);
	});
});

describe('GET /api/v1/experiments/{id}', () => {
	it("answers 404 for another user's experiment, exactly as for a missing one", async () => {
		const owner = await userWithToken('researcher');
		const intruder = await userWithToken('researcher');
		const created = await create(owner.token);
		const theirs = await getAuthed(`/api/v1/experiments/${created.id}`, intruder.token);
		const missing = await getAuthed(`/api/v1/experiments/${crypto.randomUUID()}`, intruder.token);
		expect(theirs.status).toBe(404);
		expect(missing.status).toBe(404);
		expect(await theirs.json()).toEqual(await missing.json());
	});
});
