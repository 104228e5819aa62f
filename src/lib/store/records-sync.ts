/** Offline-first outbox: local changes waiting to reach the edge — issue #7. */
export interface SyncQueueRecord {
	id?: number;
	entity: string;
	entityId: string;
	createdAt: number;
}
