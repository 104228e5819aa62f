/** The sync port bound to the real edge for a signed-in user. */
import { createVersionedExperiment, updateExperiment } from '$lib/api/tracking-client';
import type { ExperimentSyncPort } from './experiment-sync';

export function edgeSyncPort(token: string): ExperimentSyncPort {
	return {
		create: (body) => createVersionedExperiment(token, body),
		update: (id, body, baseVersion) => updateExperiment(token, id, body, baseVersion)
	};
}
