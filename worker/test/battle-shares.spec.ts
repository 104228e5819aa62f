// Share links for battle sessions (issue #7 bullet 5): a visitor without an account sees the session
// as its owner stored it, nothing more; the token writes nothing; revoked is 404, expired 410; nobody
// can share another user's session.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { BattleSession, ShareCreated, SharedView } from '../../src/lib/core/protocol';
import { validBattle } from './battle-helpers';
import { api, postJson, userWithToken } from './helpers';
import { count, send } from './tracking-helpers';

const EQUITY = {
	time: [1e12, 1e12 + 86_400_000, 1e12 + 2 * 86_400_000],
	series: [{ id: 'sma-cross', values: [1e6, 1.01e6, 0.99e6] }]
};

async function storedBattle(token: string) {
	const body = validBattle();
	const res = await postJson(
		'/api/v1/battle-arena/sessions',
		{ ...body, results: { ...body.results!, equity: EQUITY } },
		token
	);
	expect(res.status).toBe(201);
	return BattleSession.parse(await res.json());
}

const shareBody = (id: string, hours = 24) => ({
	target_type: 'battle_session',
	target_id: id,
	expires_in_hours: hours
});

describe('battle session share links', () => {
	it('show the leaderboard, config and verdicts to a visitor, without owner or session ids', async () => {
		const { id: ownerId, token } = await userWithToken('researcher');
		const b = await storedBattle(token);
		const created = await postJson('/api/v1/shares', shareBody(b.id), token);
		expect(created.status).toBe(201);
		const link = ShareCreated.parse(await created.json());

		const res = await api(`/api/v1/shares/${link.token}`);
		expect(res.status).toBe(200);
		const raw = await res.text();
		expect(raw).not.toContain(ownerId);
		expect(raw).not.toContain(b.id);
		const view = SharedView.parse(JSON.parse(raw));
		expect(view.target_type).toBe('battle_session');
		expect(view.experiment).toBeNull();
		expect(view.battle).toMatchObject({
			name: 'SMA vs RSI on TTRC',
			models_tested: ['sma-cross', 'rsi-reversion', 'buy-and-hold'],
			config: { seed: 1, dataset: { content_hash: 'b'.repeat(64) }, windows: 4 },
			results: { trials: 10, spa: { best: 'SMA crossover' } }
		});
		expect(view.battle?.results?.standings[0]).toMatchObject({
			label: 'SMA crossover',
			sharpe_ci: [-0.1, 1.3],
			verdict: 'indistinguishable from luck at 95%'
		});
		expect(Object.keys(view.battle ?? {})).not.toContain('owner_id');
		// The downsampled equity curves the browser stored, for the visitor's chart.
		expect(view.battle?.results?.equity).toEqual(EQUITY);
	});

	it('refuse to share someone else’s session (IDOR) and change nothing', async () => {
		const owner = await userWithToken('researcher');
		const other = await userWithToken('researcher');
		const b = await storedBattle(owner.token);
		const before = await count('share_links');
		const res = await postJson('/api/v1/shares', shareBody(b.id), other.token);
		expect(res.status).toBe(404);
		expect(await count('share_links')).toBe(before);
	});

	it('are 404 once revoked, 410 once expired, and grant no writes on battle routes', async () => {
		const { token } = await userWithToken('researcher');
		const b = await storedBattle(token);
		const link = ShareCreated.parse(
			await (await postJson('/api/v1/shares', shareBody(b.id), token)).json()
		);
		const sessions = await count('battle_sessions');
		expect(
			(await postJson('/api/v1/battle-arena/sessions', validBattle(), link.token)).status
		).toBe(401);
		expect(await count('battle_sessions')).toBe(sessions);

		await env.DB.prepare('UPDATE share_links SET expires_at = ? WHERE id = ?')
			.bind('2020-01-01T00:00:00.000Z', link.id)
			.run();
		expect((await api(`/api/v1/shares/${link.token}`)).status).toBe(410);

		const second = ShareCreated.parse(
			await (await postJson('/api/v1/shares', shareBody(b.id), token)).json()
		);
		expect((await send('DELETE', `/api/v1/shares/${second.id}`, undefined, token)).status).toBe(
			204
		);
		expect((await api(`/api/v1/shares/${second.token}`)).status).toBe(404);
	});
});
