import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { preset } from '$lib/core/models';
import { AxonDb } from './db';
import { deleteModel, getModel, listModels, saveModel } from './model-repository';

const opened: AxonDb[] = [];
function freshDb(): AxonDb {
	const db = new AxonDb(`models-${crypto.randomUUID()}`);
	opened.push(db);
	return db;
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('model repository', () => {
	it('saves a spec, reads it back equal, and lists it with its parameter count', async () => {
		const db = freshDb();
		const spec = preset('transformer', { window: 8, features: 2, width: 4 });
		const r = await saveModel(db, { spec, kind: 'transformer' });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const back = await getModel(db, r.value.id);
		expect(back.ok && back.value.spec).toEqual(spec);
		const list = await listModels(db);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ name: spec.name, kind: 'transformer', blocks: 4 });
		expect(list[0].paramCount).toBeGreaterThan(0);
	});

	it('updates in place, keeps drafts whose shapes do not fit, and refuses a malformed spec', async () => {
		const db = freshDb();
		const spec = preset('mlp', { window: 8, features: 2 });
		const first = await saveModel(db, { spec });
		if (!first.ok) throw new Error(first.message);
		const draft = {
			...spec,
			name: 'draft',
			blocks: [{ type: 'pool', mode: 'last' }, ...spec.blocks]
		};
		const second = await saveModel(db, { id: first.value.id, spec: draft });
		expect(second.ok && second.value.paramCount).toBeNull();
		expect(second.ok && second.value.createdAt).toBe(first.value.createdAt);
		expect(await listModels(db)).toHaveLength(1);
		const bad = await saveModel(db, { spec: { ...spec, heads: [] } });
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.message).toMatch(/heads/);
	});

	it('deletes a model with its artifacts, and a missing id is not_found', async () => {
		const db = freshDb();
		const r = await saveModel(db, { spec: preset('cnn1d', { window: 8, features: 2 }) });
		if (!r.ok) throw new Error(r.message);
		await db.modelArtifacts.add({ id: 'a1', modelId: r.value.id, createdAt: 1 });
		await deleteModel(db, r.value.id);
		expect(await db.modelArtifacts.count()).toBe(0);
		const gone = await getModel(db, r.value.id);
		expect(!gone.ok && gone.code).toBe('not_found');
	});
});
