/**
 * Saved model specs (the designer's `models` table). Specs are parsed with the protocol schema on the
 * way in and out: IndexedDB is a trust boundary too (older versions, devtools edits, imports).
 */
import { inferShapes } from '$lib/core/models';
import { ModelSpec } from '$lib/core/protocol';
import { err, ok, type Result } from '$lib/core/result';
import type { AxonDb } from './db';
import type { ModelRecord } from './records-model';

export interface ModelSummary {
	id: string;
	name: string;
	kind: string;
	updatedAt: number;
	paramCount: number | null;
	blocks: number;
}

/**
 * Creates (no `id`) or replaces a model. Specs whose shapes do not fit are saved as drafts
 * (`paramCount: null`); specs that fail the schema are refused.
 *
 * @example
 * const r = await saveModel(db, { spec, kind: 'transformer' });
 * if (r.ok) goto(`/models/${r.value.id}/edit`);
 */
export async function saveModel(
	db: AxonDb,
	input: { id?: string; spec: unknown; kind?: string }
): Promise<Result<ModelRecord>> {
	const parsed = ModelSpec.safeParse(input.spec);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return err(
			'bad_input',
			`The spec is invalid at ${issue.path.join('.') || 'the top'}: ${issue.message}`
		);
	}
	const spec = parsed.data;
	const report = inferShapes(spec);
	const now = Date.now();
	return db.transaction('rw', db.models, async () => {
		const existing = input.id ? await db.models.get(input.id) : undefined;
		if (input.id && !existing)
			return err('not_found', `There is no model ${input.id}; it may have been deleted.`);
		const record: ModelRecord = {
			id: existing?.id ?? crypto.randomUUID(),
			name: spec.name,
			kind: input.kind ?? existing?.kind ?? 'custom',
			createdAt: existing?.createdAt ?? now,
			updatedAt: now,
			spec,
			paramCount: report.ok ? report.paramCount : null
		};
		await db.models.put(record);
		return ok(record);
	});
}

/** Summaries, most recently edited first. Rows whose spec no longer parses are listed with 0 blocks. */
export async function listModels(db: AxonDb): Promise<ModelSummary[]> {
	const rows = await db.models.orderBy('updatedAt').reverse().toArray();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		kind: r.kind,
		updatedAt: r.updatedAt,
		paramCount: r.paramCount ?? null,
		blocks: ModelSpec.safeParse(r.spec).data?.blocks.length ?? 0
	}));
}

export async function getModel(
	db: AxonDb,
	id: string
): Promise<Result<ModelRecord & { spec: ModelSpec }>> {
	const row = await db.models.get(id);
	if (!row) return err('not_found', `There is no model ${id}; it may have been deleted.`);
	const spec = ModelSpec.safeParse(row.spec);
	if (!spec.success)
		return err(
			'bad_input',
			`Model ${row.name} has a damaged spec: ${spec.error.issues[0].message}`
		);
	return ok({ ...row, spec: spec.data });
}

/** Deletes a model and its saved weights together. */
export async function deleteModel(db: AxonDb, id: string): Promise<void> {
	await db.transaction('rw', db.models, db.modelArtifacts, async () => {
		await db.modelArtifacts.where('modelId').equals(id).delete();
		await db.models.delete(id);
	});
}
