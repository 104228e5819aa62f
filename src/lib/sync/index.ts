/** Offline-first sync: the experiment outbox with conflict handling, and the async metric uploader. */
export { backoffMs } from './backoff';
export { changedFields, mergeExperiment } from './merge';
export { MetricUploader, type MetricSink, type UploaderOptions } from './metric-uploader';
export { enqueueExperiment, listConflicts, syncBadges, type SyncBadge } from './outbox';
export {
	pullExperiment,
	resolveConflict,
	saveLocalEdit,
	syncOutbox,
	type ConflictChoice,
	type ExperimentSyncPort,
	type SyncSummary
} from './experiment-sync';
export { edgeSyncPort } from './edge-port';
export { remoteStateOf } from './remote-state';
