/**
 * The outbox (`syncQueue`): at most one entry per experiment. Queuing again after a newer local edit
 * resets the retry schedule; an entry in conflict keeps both versions and takes the newer local copy.
 */
import type { AxonDb } from '$lib/store/db';
import type { SyncQueueRecord } from '$lib/store/records-sync';

export const EXPERIMENT = 'experiment';

export async function queuedFor(
	db: AxonDb,
	experimentId: string
): Promise<SyncQueueRecord | undefined> {
	return db.syncQueue.where('[entity+entityId]').equals([EXPERIMENT, experimentId]).first();
}

/** Marks an experiment as needing a push (call after every local change). */
export async function enqueueExperiment(
	db: AxonDb,
	experimentId: string,
	now = Date.now()
): Promise<void> {
	await db.transaction('rw', db.syncQueue, db.experiments, async () => {
		const existing = await queuedFor(db, experimentId);
		if (existing?.status === 'conflict' && existing.conflict) {
			const record = await db.experiments.get(experimentId);
			if (record)
				await db.syncQueue.update(existing.id!, {
					conflict: { ...existing.conflict, local: record.body }
				});
			return;
		}
		const fresh: SyncQueueRecord = {
			entity: EXPERIMENT,
			entityId: experimentId,
			createdAt: existing?.createdAt ?? now,
			status: 'pending',
			attempts: 0,
			nextAttemptAt: 0,
			lastError: null,
			conflict: null
		};
		if (existing) await db.syncQueue.put({ ...fresh, id: existing.id! });
		else await db.syncQueue.add(fresh);
	});
}

export async function listConflicts(db: AxonDb): Promise<SyncQueueRecord[]> {
	const all = await db.syncQueue
		.where('[entity+entityId]')
		.between([EXPERIMENT, ''], [EXPERIMENT, '\uffff'])
		.toArray();
	return all.filter((q) => q.status === 'conflict');
}

/** What the experiments page shows per local experiment. */
export type SyncBadge = 'local' | 'pending' | 'synced' | 'conflict';

export async function syncBadges(db: AxonDb): Promise<Map<string, SyncBadge>> {
	const badges = new Map<string, SyncBadge>();
	for (const e of await db.experiments.toArray()) badges.set(e.id, e.remote ? 'synced' : 'local');
	for (const q of await db.syncQueue.toArray()) {
		if (q.entity === EXPERIMENT)
			badges.set(q.entityId, q.status === 'conflict' ? 'conflict' : 'pending');
	}
	return badges;
}
