import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { BattleSession, BattleSessionDetail, BattleSessionList } from '../../src/lib/core/protocol';
import { validBattle } from './battle-helpers';
import { api, getAuthed, postJson, userWithToken } from './helpers';

const SESSIONS = '/api/v1/battle-arena/sessions';

async function auditCount(targetId: string): Promise<number> {
	const row = await env.DB.prepare(
		"SELECT COUNT(*) AS n FROM audit_log WHERE action = 'battle.create' AND target_id = ?"
	)
		.bind(targetId)
		.first<{ n: number }>();
	return row?.n ?? 0;
}

describe('POST /api/v1/battle-arena/sessions', () => {
	it('stores a session with its metrics and one audit row, and returns it with a Location', async () => {
		const { token } = await userWithToken('researcher');
		const res = await postJson(SESSIONS, validBattle(), token);
		expect(res.status).toBe(201);
		const session = BattleSession.parse(await res.json());
		expect(res.headers.get('Location')).toBe(`${SESSIONS}/${session.id}`);
		expect(session.results?.standings[0].sharpe_ci).toEqual([-0.1, 1.3]);
		expect(await auditCount(session.id)).toBe(1);
		const detail = BattleSessionDetail.parse(
			await (await getAuthed(`${SESSIONS}/${session.id}`, token)).json()
		);
		expect(detail.metrics.map((m) => m.name)).toEqual(['sma-cross:dsr', 'sma-cross:sharpe']);
		expect(detail.config.windows).toBe(4);
	});

	it('answers 401 without a token', async () => {
		const res = await postJson(SESSIONS, validBattle());
		expect(res.status).toBe(401);
	});

	it('answers 403 to an observer, who may read but not create', async () => {
		const { token } = await userWithToken('observer');
		const res = await postJson(SESSIONS, validBattle(), token);
		expect(res.status).toBe(403);
		expect((await getAuthed(SESSIONS, token)).status).toBe(200);
	});

	it('answers 400 naming the field for a bad body, and stores nothing', async () => {
		const { token, id } = await userWithToken('researcher');
		const res = await postJson(SESSIONS, { ...validBattle(), models_tested: [] }, token);
		expect(res.status).toBe(400);
		expect(JSON.stringify(await res.json())).toContain('models_tested');
		const bad = await postJson(SESSIONS, validBattle({ risk_limits: { max_drawdown: 2 } }), token);
		expect(bad.status).toBe(400);
		const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM battle_sessions WHERE owner_id = ?')
			.bind(id)
			.first<{ n: number }>();
		expect(row?.n).toBe(0);
	});

	it('stores SQL-injection strings verbatim', async () => {
		const { token } = await userWithToken('researcher');
		const name = "x'); DROP TABLE battle_sessions; --";
		const contender = "a' OR '1'='1";
		const res = await postJson(SESSIONS, validBattle({ name, models_tested: [contender] }), token);
		expect(res.status).toBe(201);
		const { id } = BattleSession.parse(await res.json());
		const back = BattleSessionDetail.parse(
			await (await getAuthed(`${SESSIONS}/${id}`, token)).json()
		);
		expect(back.name).toBe(name);
		expect(back.models_tested).toEqual([contender]);
	});
});

describe('GET /api/v1/battle-arena/sessions', () => {
	it("lists only the caller's sessions, newest first", async () => {
		const alice = await userWithToken('researcher');
		const bob = await userWithToken('ai_architect');
		await postJson(SESSIONS, validBattle({ name: 'first' }), alice.token);
		await postJson(SESSIONS, validBattle({ name: 'second' }), alice.token);
		await postJson(SESSIONS, validBattle({ name: 'bob' }), bob.token);
		const list = BattleSessionList.parse(await (await getAuthed(SESSIONS, alice.token)).json());
		expect(list.items.map((s) => s.name)).toEqual(['second', 'first']);
	});

	it("answers 404 for another user's session, as for one that does not exist", async () => {
		const alice = await userWithToken('researcher');
		const eve = await userWithToken('researcher');
		const { id } = BattleSession.parse(
			await (await postJson(SESSIONS, validBattle(), alice.token)).json()
		);
		expect((await getAuthed(`${SESSIONS}/${id}`, eve.token)).status).toBe(404);
		expect((await getAuthed(`${SESSIONS}/${crypto.randomUUID()}`, eve.token)).status).toBe(404);
	});

	it('answers 401 without a token', async () => {
		expect((await api(SESSIONS)).status).toBe(401);
	});
});
