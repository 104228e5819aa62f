import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ShareCreated, SharedView, ShareList } from '../../src/lib/core/protocol';
import { api, getAuthed, postJson, userWithToken } from './helpers';
import { count, createExperimentFor, createRunFor, INJECTIONS, send } from './tracking-helpers';

async function share(token: string, targetId: string, hours = 24) {
	const res = await postJson(
		'/api/v1/shares',
		{ target_type: 'experiment', target_id: targetId, expires_in_hours: hours },
		token
	);
	expect(res.status).toBe(201);
	return ShareCreated.parse(await res.json());
}

describe('share links', () => {
	it('shows a shared experiment to a visitor without an account, read-only and without owner ids', async () => {
		const { id: ownerId, token } = await userWithToken('researcher');
		const e = await createExperimentFor(token, { name: 'shared GRU' });
		await createRunFor(token, e.id);
		const link = await share(token, e.id);
		expect(link.path).toBe(`/share/${link.token}`);
		expect(Date.parse(link.expires_at) - Date.parse(link.created_at)).toBe(24 * 3_600_000);
		// Only the hash is stored.
		expect(await count('share_links', 'token_hash = ?', link.token)).toBe(0);

		const res = await api(`/api/v1/shares/${link.token}`);
		expect(res.status).toBe(200);
		const raw = await res.text();
		expect(raw).not.toContain(ownerId);
		expect(raw).not.toContain(e.id);
		const view = SharedView.parse(JSON.parse(raw));
		expect(view.experiment).toMatchObject({
			name: 'shared GRU',
			training_config: { seed: 42 },
			data_config: { content_hash: 'a'.repeat(64) }
		});
		expect(view.runs).toHaveLength(1);

		const mine = ShareList.parse(await (await getAuthed('/api/v1/shares', token)).json());
		expect(mine.items.map((s) => s.id)).toEqual([link.id]);
	});

	it('a revoked link is 404 and an expired one is 410', async () => {
		const { token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const revoked = await share(token, e.id);
		expect((await send('DELETE', `/api/v1/shares/${revoked.id}`, undefined, token)).status).toBe(
			204
		);
		expect((await api(`/api/v1/shares/${revoked.token}`)).status).toBe(404);

		const expired = await share(token, e.id, 1);
		await env.DB.prepare('UPDATE share_links SET expires_at = ? WHERE id = ?')
			.bind('2020-01-01T00:00:00.000Z', expired.id)
			.run();
		const res = await api(`/api/v1/shares/${expired.token}`);
		expect(res.status).toBe(410);
		expect(await res.json()).toMatchObject({ error: { code: 'gone' } });
		expect((await api(`/api/v1/shares/${'x'.repeat(43)}`)).status).toBe(404);
	});

	it('a share token grants no writes: not as a Bearer token, not on the share route', async () => {
		const { token } = await userWithToken('researcher');
		const e = await createExperimentFor(token);
		const link = await share(token, e.id);
		const [runs, experiments] = [await count('experiment_runs'), await count('experiments')];
		expect((await postJson(`/api/v1/experiments/${e.id}/runs`, {}, link.token)).status).toBe(401);
		expect(
			(await send('PUT', `/api/v1/experiments/${e.id}`, { name: 'x', base_version: 1 }, link.token))
				.status
		).toBe(401);
		expect((await postJson(`/api/v1/shares/${link.token}`, { name: 'x' })).status).toBe(405);
		expect((await send('DELETE', `/api/v1/shares/${link.token}`, undefined)).status).toBe(401);
		expect((await getAuthed(`/api/v1/experiments/${e.id}`, link.token)).status).toBe(401);
		expect([await count('experiment_runs'), await count('experiments')]).toEqual([
			runs,
			experiments
		]);
		expect((await api(`/api/v1/shares/${link.token}`)).status).toBe(200);
	});

	it('refuses to share or revoke what is not yours (404), observers (403) and anonymous callers (401)', async () => {
		const owner = await userWithToken('researcher');
		const e = await createExperimentFor(owner.token);
		const link = await share(owner.token, e.id);
		const intruder = await userWithToken('researcher');
		const before = await count('share_links');
		expect(
			(
				await postJson(
					'/api/v1/shares',
					{ target_type: 'experiment', target_id: e.id },
					intruder.token
				)
			).status
		).toBe(404);
		expect(
			(await send('DELETE', `/api/v1/shares/${link.id}`, undefined, intruder.token)).status
		).toBe(404);
		const observer = await userWithToken('observer');
		expect(
			(
				await postJson(
					'/api/v1/shares',
					{ target_type: 'experiment', target_id: e.id },
					observer.token
				)
			).status
		).toBe(403);
		expect(
			(await postJson('/api/v1/shares', { target_type: 'experiment', target_id: e.id })).status
		).toBe(401);
		expect((await getAuthed('/api/v1/shares', observer.token)).status).toBe(403);
		for (const s of INJECTIONS) {
			const res = await postJson(
				'/api/v1/shares',
				{ target_type: 'experiment', target_id: s },
				owner.token
			);
			expect(res.status).toBe(404);
			expect(
				(await postJson('/api/v1/shares', { target_type: s, target_id: e.id }, owner.token)).status
			).toBe(400);
		}
		expect(await count('share_links')).toBe(before);
		expect((await api(`/api/v1/shares/${link.token}`)).status).toBe(200);
	});
});
