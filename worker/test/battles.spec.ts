import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
	BattleSession,
	BattleSessionDetail,
	BattleSessionList,
	type BattleSessionCreate
} from '../../src/lib/core/protocol';
import { api, getAuthed, postJson, userWithToken } from './helpers';

const SESSIONS = '/api/v1/battle-arena/sessions';

function validBattle(overrides: Partial<BattleSessionCreate> = {}): BattleSessionCreate {
	return {
		name: 'SMA vs RSI on TTRC',
		models_tested: ['sma-cross', 'rsi-reversion', 'buy-and-hold'],
		status: 'completed',
		duration_seconds: 3,
		risk_limits: { max_drawdown: 0.3, fee_bps: 5 },
		config: {
			dataset: { name: 'TTRC daily', content_hash: 'b'.repeat(64), rows: 5550 },
			windows: 4,
			train_bars: 1000,
			mode: 'rolling',
			fill: 'next_open',
			lag: 1,
			allow_short: false,
			periods_per_year: 252,
			seed: 1
		},
		results: {
			standings: [
				{
					id: 'sma-cross',
					label: 'SMA crossover',
					kind: 'expression',
					trials: 6,
					total_return: 0.4,
					sharpe: 0.6,
					sharpe_ci: [-0.1, 1.3],
					max_drawdown: 0.25,
					trades: 40,
					psr: 0.93,
					dsr: 0.61,
					pbo: 0.4,
					verdict: 'indistinguishable from luck at 95%'
				}
			],
			trials: 10,
			bars: 4550,
			spa: { p_value: 0.31, verdict: 'no model beats Buy & hold at 95%', best: 'SMA crossover' }
		},
		metrics: [
			{ name: 'sma-cross:sharpe', value: 0.6, step: 0 },
			{ name: 'sma-cross:dsr', value: 0.61, step: 0 }
		],
		...overrides
	};
}

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
