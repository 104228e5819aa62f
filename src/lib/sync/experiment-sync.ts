/**
 * Offline-first sync of experiment records. Local edits go to IndexedDB first and into the outbox;
 * `syncOutbox` pushes them when the edge is reachable, with optimistic concurrency: each push names the
 * version it was edited from, and a stale push comes back as a conflict that is kept (both versions,
 * plus the common base) until the user picks theirs, mine, or a merge. Nothing is overwritten silently.
 *
 * @example
 * await saveLocalEdit(db, id, { description: 'longer window' }); // works offline
 * await syncOutbox(db, edgePort(token));                          // later, when signed in and online
 */
import {
	VersionConflict,
	type ExperimentCreate,
	type VersionedExperiment
} from '$lib/core/protocol';
import { ok, type Result } from '$lib/core/result';
import type { AxonDb } from '$lib/store/db';
import type { ExperimentRecord } from '$lib/store/records';
import type { SyncQueueRecord } from '$lib/store/records-sync';
import { backoffMs } from './backoff';
import { mergeExperiment } from './merge';
import { enqueueExperiment, EXPERIMENT, queuedFor } from './outbox';
import { bodyOf, remoteState, remoteStateOf } from './remote-state';

/** The two edge calls sync needs (tracking-client in the app, an in-memory edge in tests). */
export interface ExperimentSyncPort {
	create(body: ExperimentCreate): Promise<Result<VersionedExperiment>>;
	update(
		id: string,
		body: ExperimentCreate,
		baseVersion: number
	): Promise<Result<VersionedExperiment>>;
}

export interface SyncSummary {
	synced: number;
	conflicts: number;
	failed: number;
}

/** Applies a local change to an experiment and queues it for the edge, in one transaction. */
export async function saveLocalEdit(
	db: AxonDb,
	experimentId: string,
	changes: Partial<ExperimentCreate>,
	now = Date.now()
): Promise<Result<ExperimentRecord>> {
	const updated = await db.transaction('rw', db.experiments, db.syncQueue, async () => {
		const record = await db.experiments.get(experimentId);
		if (!record) return null;
		const body = { ...record.body, ...changes };
		const next: ExperimentRecord = {
			...record,
			body,
			name: body.name,
			status: body.status,
			updatedAt: now
		};
		await db.experiments.put(next);
		await enqueueExperiment(db, experimentId, now);
		return next;
	});
	return updated
		? ok(updated)
		: { ok: false, code: 'not_found', message: 'No such local experiment.' };
}

/** Pushes every due outbox entry once. Safe to call often: entries in backoff or conflict are skipped. */
export async function syncOutbox(
	db: AxonDb,
	port: ExperimentSyncPort,
	now = Date.now(),
	random: () => number = Math.random
): Promise<SyncSummary> {
	const summary: SyncSummary = { synced: 0, conflicts: 0, failed: 0 };
	const due = (await db.syncQueue.toArray()).filter(
		(q) =>
			q.entity === EXPERIMENT &&
			(q.status ?? 'pending') === 'pending' &&
			(q.nextAttemptAt ?? 0) <= now
	);
	for (const entry of due) summary[await push(db, port, entry, now, random)]++;
	return summary;
}

async function push(
	db: AxonDb,
	port: ExperimentSyncPort,
	entry: SyncQueueRecord,
	now: number,
	random: () => number
): Promise<keyof SyncSummary> {
	const record = await db.experiments.get(entry.entityId);
	if (!record) {
		await db.syncQueue.delete(entry.id!);
		return 'synced';
	}
	const remote = remoteStateOf(record);
	const sent = record.body;
	const r = remote
		? await port.update(remote.id, sent, remote.version ?? 1)
		: await port.create(sent);
	if (r.ok) {
		await db.transaction('rw', db.experiments, db.syncQueue, async () => {
			const latest = await db.experiments.get(record.id);
			if (!latest) return;
			await db.experiments.update(record.id, { remote: remoteState(r.value, now) });
			// Edited again while the push was in flight: keep the entry so the newer edit goes out next.
			if (latest.updatedAt === record.updatedAt) await db.syncQueue.delete(entry.id!);
		});
		return 'synced';
	}
	const conflict = r.code === 'conflict' ? VersionConflict.safeParse(r.details) : null;
	if (conflict?.success) {
		await db.syncQueue.update(entry.id!, {
			status: 'conflict',
			lastError: r.message,
			conflict: {
				local: sent,
				server: conflict.data.server,
				base: remote?.base ?? null,
				detectedAt: now
			}
		});
		return 'conflicts';
	}
	const attempts = (entry.attempts ?? 0) + 1;
	await db.syncQueue.update(entry.id!, {
		attempts,
		nextAttemptAt: now + backoffMs(attempts, random),
		lastError: r.message
	});
	return 'failed';
}

export type ConflictChoice = 'mine' | 'theirs' | 'merge';

/**
 * Settles a conflict. `theirs` takes the edge's copy (the local edit is dropped on purpose);
 * `mine` re-sends the local copy on top of the edge's version; `merge` keeps each side's changes and,
 * where both changed the same field, this browser's value. Then pushes.
 */
export async function resolveConflict(
	db: AxonDb,
	port: ExperimentSyncPort,
	experimentId: string,
	choice: ConflictChoice,
	now = Date.now()
): Promise<Result<SyncSummary>> {
	const entry = await queuedFor(db, experimentId);
	const record = await db.experiments.get(experimentId);
	if (!entry?.conflict || !record)
		return { ok: false, code: 'not_found', message: 'No conflict to resolve.' };
	const { local, server, base } = entry.conflict;
	const serverBody = bodyOf(server);
	const body =
		choice === 'theirs'
			? serverBody
			: choice === 'mine'
				? local
				: mergeExperiment(base, local, serverBody, 'local').merged;
	await db.transaction('rw', db.experiments, db.syncQueue, async () => {
		await db.experiments.put({
			...record,
			body,
			name: body.name,
			status: body.status,
			updatedAt: now,
			remote: remoteState(server, now)
		});
		if (choice === 'theirs') await db.syncQueue.delete(entry.id!);
		else
			await db.syncQueue.update(entry.id!, {
				status: 'pending',
				conflict: null,
				attempts: 0,
				nextAttemptAt: 0
			});
	});
	return ok(await syncOutbox(db, port, now));
}

/**
 * Brings an edge experiment into this browser: new ones are added (keyed by the edge id); known ones
 * fast-forward unless a local edit is waiting, in which case the push will detect any conflict.
 */
export async function pullExperiment(
	db: AxonDb,
	server: VersionedExperiment,
	now = Date.now()
): Promise<void> {
	await db.transaction('rw', db.experiments, db.syncQueue, async () => {
		const all = await db.experiments.toArray();
		const known = all.find((e) => remoteStateOf(e)?.id === server.id);
		const body = bodyOf(server);
		if (!known) {
			await db.experiments.add({
				id: server.id,
				name: body.name,
				status: body.status,
				datasetId: '',
				featureSetId: '',
				body,
				runId: null,
				remote: remoteState(server, now),
				error: null,
				createdAt: Date.parse(server.created_at),
				updatedAt: now
			});
			return;
		}
		if (await queuedFor(db, known.id)) return;
		if ((remoteStateOf(known)?.version ?? 1) >= server.version) return;
		await db.experiments.put({
			...known,
			body,
			name: body.name,
			status: body.status,
			remote: remoteState(server, now)
		});
	});
}
