/**
 * Offline first: experiments live in IndexedDB; when the user is signed in, a finished record is sent
 * to the edge and marked as synced. A failed send leaves the local record untouched.
 */
import { createExperiment } from '$lib/api/edge-client';
import { ok, type Result } from '$lib/core/result';
import type { AxonDb } from '$lib/store/db';
import { markSynced } from '$lib/store/repositories';

export async function syncExperiment(
	db: AxonDb,
	token: string,
	experimentId: string
): Promise<Result<{ remoteId: string }>> {
	const experiment = await db.experiments.get(experimentId);
	if (!experiment) return { ok: false, code: 'not_found', message: 'No such local experiment.' };
	if (experiment.remote) return ok({ remoteId: experiment.remote.id });
	const r = await createExperiment(token, experiment.body);
	if (!r.ok) return r;
	await markSynced(db, experimentId, r.value.id);
	return ok({ remoteId: r.value.id });
}
