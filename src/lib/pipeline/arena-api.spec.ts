// The arena worker's API called directly (no worker): sessions stored in IndexedDB, MC chunks.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EXPRESSION_PRESETS, type BattleConfig } from '$lib/core/arena';
import { resolveConfig, simulatePaths } from '$lib/core/montecarlo';
import { generateGbm } from '$lib/core/synthetic/gbm';
import { getBattleSession, listBattleSessions } from '$lib/store/battle-repository';
import { AxonDb } from '$lib/store/db';
import { createArenaApi } from './arena-api';

async function setup() {
	const db = new AxonDb(`arena-${crypto.randomUUID()}`);
	const s = generateGbm({ seed: 3, bars: 600, s0: 100, mu: 0.05, sigma: 0.2, symbol: 'GBM' });
	const { symbol: _symbol, ...columns } = s;
	await db.datasets.put({
		id: 'ds',
		name: 'GBM',
		symbol: 'GBM',
		source: 'synthetic',
		contentHash: 'c'.repeat(64),
		rows: 600,
		firstTime: s.time[0],
		lastTime: s.time[599],
		warnings: [],
		createdAt: 1,
		columns
	});
	return { db, api: createArenaApi(() => db) };
}

const config: BattleConfig = {
	walkForward: { windows: 2, trainBars: 300, mode: 'anchored' },
	execution: { fees: { bps: 5 }, allowShort: false },
	periodsPerYear: 252,
	seed: 1,
	resamples: 50,
	fanPaths: 20
};
const momentum = EXPRESSION_PRESETS.find((p) => p.id === 'momentum')!;
const choice = { ...momentum, kind: 'expression' as const, grid: { n: [20, 60] } };

describe('arena worker API', () => {
	it('runs a session, stores its outcome and the edge copy, and lists it', async () => {
		const { db, api } = await setup();
		const r = await api.runSession({ name: 'test', datasetId: 'ds', contenders: [choice], config });
		if (!r.ok) throw new Error(r.message);
		const stored = await getBattleSession(db, r.value.id);
		expect(stored?.status).toBe('completed');
		expect(stored?.outcome?.contenders.map((c) => c.id)).toEqual(['momentum', 'buy-and-hold']);
		expect(stored?.remote?.results?.trials).toBe(3);
		const list = await listBattleSessions(db);
		expect(list.map((s) => s.name)).toEqual(['test']);
		expect('outcome' in list[0]).toBe(false);
	});

	it('stores a failed session with the reason when an experiment run has no predictions', async () => {
		const { db, api } = await setup();
		const r = await api.runSession({
			name: 'bad',
			datasetId: 'ds',
			contenders: [{ kind: 'experiment', id: 'gru', label: 'GRU', runId: 'nope' }],
			config
		});
		expect(r).toMatchObject({ ok: false, code: 'bad_input' });
		const [only] = await listBattleSessions(db);
		expect(only.status).toBe('failed');
		expect(only.error).toMatch(/predictions/);
	});

	it('answers not_found for a dataset that is gone', async () => {
		const { api } = await setup();
		const r = await api.runSession({
			name: 'x',
			datasetId: 'missing',
			contenders: [choice],
			config
		});
		expect(r).toMatchObject({ ok: false, code: 'not_found' });
	});

	it('simulates a chunk of paths exactly as the CPU twin does', async () => {
		const { api } = await setup();
		const mc = {
			model: { kind: 'gbm' as const, mu: 1e-4, sigma: 0.01 },
			paths: 100,
			steps: 20,
			seed: 4
		};
		const r = await api.simulatePathsChunk(mc, { first: 10, count: 5 });
		if (!r.ok) throw new Error(r.message);
		const model = resolveConfig(mc);
		if (!model.ok) throw new Error(model.message);
		expect(r.value).toEqual(simulatePaths(mc, model.value, 10, 5));
	});
});
