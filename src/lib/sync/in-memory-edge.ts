/**
 * A test double of the edge's experiment routes with the same optimistic-concurrency rule as
 * `PUT /experiments/{id}` (worker/src/routes/experiment-update.ts): a write names its base version; a
 * stale one is a `conflict` error whose details carry the server copy. `online = false` simulates a
 * dropped network.
 */
import type { ExperimentCreate, VersionedExperiment } from '$lib/core/protocol';
import { err, ok, type Result } from '$lib/core/result';
import type { ExperimentSyncPort } from './experiment-sync';

export class InMemoryEdge implements ExperimentSyncPort {
	readonly rows = new Map<string, VersionedExperiment>();
	online = true;

	async create(body: ExperimentCreate): Promise<Result<VersionedExperiment>> {
		if (!this.online) return err('internal', 'offline');
		const now = new Date().toISOString();
		const row = {
			...structuredClone(body),
			id: crypto.randomUUID(),
			owner_id: 'u1',
			created_at: now,
			updated_at: now,
			version: 1
		};
		this.rows.set(row.id, row);
		return ok(structuredClone(row));
	}

	async update(
		id: string,
		body: ExperimentCreate,
		baseVersion: number
	): Promise<Result<VersionedExperiment>> {
		if (!this.online) return err('internal', 'offline');
		const current = this.rows.get(id);
		if (!current) return err('not_found', 'No experiment with that id in your account.');
		if (current.version !== baseVersion) {
			return err('conflict', 'stale write', { server: structuredClone(current) });
		}
		const row = {
			...current,
			...structuredClone(body),
			updated_at: new Date().toISOString(),
			version: current.version + 1
		};
		this.rows.set(id, row);
		return ok(structuredClone(row));
	}
}
