import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExperimentCreate } from '$lib/core/protocol';
import { AxonDb } from '$lib/store/db';
import type { ExperimentRecord } from '$lib/store/records';
import { listConflicts, syncBadges } from './outbox';
import { pullExperiment, resolveConflict, saveLocalEdit, syncOutbox } from './experiment-sync';
import { InMemoryEdge } from './in-memory-edge';
import { remoteStateOf } from './remote-state';

const opened: AxonDb[] = [];
function browser(): AxonDb {
	const db = new AxonDb(`sync-${crypto.randomUUID()}`);
	opened.push(db);
	return db;
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const body: ExperimentCreate = {
	name: 'gru baseline',
	description: 'first try',
	status: 'completed',
	model_config: { model_type: 'gru', window: 16, units: 16 },
	data_config: {
		dataset: 'ttrc',
		content_hash: 'b'.repeat(64),
		rows: 500,
		features: ['close'],
		train_fraction: 0.7
	},
	training_config: { seed: 7, epochs: 5, batch_size: 64, learning_rate: 0.003, backend: 'cpu' }
};

async function localExperiment(db: AxonDb): Promise<string> {
	const record: ExperimentRecord = {
		id: crypto.randomUUID(),
		name: body.name,
		status: body.status,
		datasetId: 'd1',
		featureSetId: 'f1',
		body,
		runId: null,
		remote: null,
		error: null,
		createdAt: 1,
		updatedAt: 1
	};
	await db.experiments.add(record);
	return record.id;
}

describe('offline-first experiment sync', () => {
	it('two browsers edit the same experiment offline: nothing is lost, the conflict is kept and shown, a merge settles it', async () => {
		const edge = new InMemoryEdge();
		const a = browser();
		const b = browser();

		// Browser A creates and syncs; browser B pulls the same experiment.
		const idA = await localExperiment(a);
		await saveLocalEdit(a, idA, {}, 10);
		expect(await syncOutbox(a, edge, 10)).toEqual({ synced: 1, conflicts: 0, failed: 0 });
		const remoteId = remoteStateOf((await a.experiments.get(idA))!)!.id;
		await pullExperiment(b, edge.rows.get(remoteId)!, 11);
		const idB = remoteId;

		// Both go offline and edit: A renames; B renames too and changes the description.
		edge.online = false;
		await saveLocalEdit(a, idA, { name: 'renamed in A' }, 20);
		await saveLocalEdit(b, idB, { name: 'renamed in B', description: 'longer window next' }, 21);
		expect(await syncOutbox(b, edge, 22)).toMatchObject({ failed: 1 });
		expect((await syncBadges(b)).get(idB)).toBe('pending');

		// Back online: A syncs first and wins version 2; B's push is stale.
		edge.online = true;
		expect(await syncOutbox(a, edge, 30)).toMatchObject({ synced: 1 });
		expect(await syncOutbox(b, edge, 10_000_000)).toMatchObject({ conflicts: 1 });

		const [conflict] = await listConflicts(b);
		expect(conflict?.conflict?.local).toMatchObject({
			name: 'renamed in B',
			description: 'longer window next'
		});
		expect(conflict?.conflict?.server).toMatchObject({ name: 'renamed in A', version: 2 });
		expect(conflict?.conflict?.base).toMatchObject({
			name: 'gru baseline',
			description: 'first try'
		});
		expect((await syncBadges(b)).get(idB)).toBe('conflict');
		// The edge still has A's version: the stale write changed nothing.
		expect(edge.rows.get(remoteId)).toMatchObject({
			name: 'renamed in A',
			description: 'first try',
			version: 2
		});

		// B merges: its description (only B changed it) and, for the name both changed, B's choice.
		const resolved = await resolveConflict(b, edge, idB, 'merge', 10_000_001);
		expect(resolved).toMatchObject({ ok: true, value: { synced: 1 } });
		expect(edge.rows.get(remoteId)).toMatchObject({
			name: 'renamed in B',
			description: 'longer window next',
			version: 3
		});
		expect(await listConflicts(b)).toEqual([]);
		expect((await syncBadges(b)).get(idB)).toBe('synced');

		// A pulls and fast-forwards to the merged version.
		await pullExperiment(a, edge.rows.get(remoteId)!, 10_000_002);
		expect((await a.experiments.get(idA))?.body).toMatchObject({
			name: 'renamed in B',
			description: 'longer window next'
		});
	});

	it("taking theirs drops the local edit on purpose and keeps the edge's copy", async () => {
		const edge = new InMemoryEdge();
		const a = browser();
		const b = browser();
		const idA = await localExperiment(a);
		await saveLocalEdit(a, idA, {}, 1);
		await syncOutbox(a, edge, 1);
		const remoteId = remoteStateOf((await a.experiments.get(idA))!)!.id;
		await pullExperiment(b, edge.rows.get(remoteId)!, 2);
		await saveLocalEdit(a, idA, { status: 'failed' }, 3);
		await saveLocalEdit(b, remoteId, { status: 'paused' }, 3);
		await syncOutbox(a, edge, 4);
		await syncOutbox(b, edge, 4);
		await resolveConflict(b, edge, remoteId, 'theirs', 5);
		expect((await b.experiments.get(remoteId))?.status).toBe('failed');
		expect(edge.rows.get(remoteId)?.version).toBe(2);
		expect((await syncBadges(b)).get(remoteId)).toBe('synced');
	});

	it('a failed push is retried only after its backoff, then succeeds', async () => {
		const edge = new InMemoryEdge();
		const db = browser();
		const id = await localExperiment(db);
		await saveLocalEdit(db, id, { description: 'offline note' }, 100);
		edge.online = false;
		await syncOutbox(db, edge, 100, () => 0.5);
		edge.online = true;
		// 0.5 · 2¹ s = 1 s of backoff after the first failure.
		expect(await syncOutbox(db, edge, 100 + 999, () => 0.5)).toEqual({
			synced: 0,
			conflicts: 0,
			failed: 0
		});
		expect(await syncOutbox(db, edge, 100 + 1000, () => 0.5)).toEqual({
			synced: 1,
			conflicts: 0,
			failed: 0
		});
		expect([...edge.rows.values()].map((r) => r.description)).toEqual(['offline note']);
	});
});
