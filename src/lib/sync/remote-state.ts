/**
 * Reading and writing what the edge knows of a local experiment (`RemoteSyncState`), stored on
 * `ExperimentRecord.remote`. Records synced before versioning have no version: they are treated as
 * version 1, the version every experiment starts at.
 */
import type { ExperimentCreate, VersionedExperiment } from '$lib/core/protocol';
import type { ExperimentRecord } from '$lib/store/records';
import type { RemoteSyncState } from '$lib/store/records-sync';

export function remoteStateOf(record: ExperimentRecord): RemoteSyncState | null {
	return record.remote as RemoteSyncState | null;
}

export function remoteState(server: VersionedExperiment, now = Date.now()): RemoteSyncState {
	return { id: server.id, syncedAt: now, version: server.version, base: bodyOf(server) };
}

/** The editable part of an experiment (what POST and PUT take), without ids and timestamps. */
export function bodyOf(e: VersionedExperiment): ExperimentCreate {
	const { id: _id, owner_id: _owner, created_at: _c, updated_at: _u, version: _v, ...body } = e;
	return body;
}
