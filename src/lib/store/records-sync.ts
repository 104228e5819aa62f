/**
 * Offline-first outbox: local changes waiting to reach the edge — issue #7. One record per entity
 * (experiment) at most: a newer local edit replaces the pending one, since the edge takes whole
 * records. A record that hit a version conflict stays, holding both versions, until the user resolves it.
 */
import type { ExperimentCreate, VersionedExperiment } from '$lib/core/protocol';

export type SyncQueueStatus = 'pending' | 'conflict';

export interface SyncConflict {
	/** What this browser wanted to save. */
	local: ExperimentCreate;
	/** The edge's copy at the time of the conflict (its version is the new base). */
	server: VersionedExperiment;
	/** The version both sides started from, for a three-way merge; null if unknown. */
	base: ExperimentCreate | null;
	detectedAt: number;
}

export interface SyncQueueRecord {
	id?: number;
	entity: string;
	entityId: string;
	createdAt: number;
	/** Absent on records written before #7 part B: treated as pending. */
	status?: SyncQueueStatus;
	/** Failed attempts so far (network, 5xx); drives the retry backoff. */
	attempts?: number;
	/** Not retried before this time (ms). */
	nextAttemptAt?: number;
	lastError?: string | null;
	conflict?: SyncConflict | null;
}

/**
 * What the edge knows of a local experiment. Stored on `ExperimentRecord.remote` (typed there as
 * `{ id, syncedAt }`); the version and the last synced body ride along so offline edits can be
 * sent with the right base and merged three-way. Read it with `remoteStateOf` (src/lib/sync).
 */
export interface RemoteSyncState {
	id: string;
	syncedAt: number;
	version?: number;
	base?: ExperimentCreate;
}
