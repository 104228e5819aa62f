/**
 * Offline first: experiments live in IndexedDB; when the user is signed in, a finished record goes
 * through the sync outbox ($lib/sync) to the edge, and its run's loss history follows as a tracked run
 * with batched metrics. A failed send leaves the local record untouched and queued for the next sync.
 */
import { createRun, logMetrics, patchRun } from '$lib/api/tracking-client';
import { ok, type Result } from '$lib/core/result';
import type { AxonDb } from '$lib/store/db';
import {
	edgeSyncPort,
	enqueueExperiment,
	MetricUploader,
	remoteStateOf,
	syncOutbox
} from '$lib/sync';
import { queuedFor } from '$lib/sync/outbox';

/**
 * @param options.uploadRun false when the run is streamed live (stream-run-metrics.ts creates and
 *   fills its own tracked run; uploading the local history too would make a second, empty run).
 */
export async function syncExperiment(
	db: AxonDb,
	token: string,
	experimentId: string,
	options: { uploadRun?: boolean } = {}
): Promise<Result<{ remoteId: string }>> {
	const experiment = await db.experiments.get(experimentId);
	if (!experiment) return { ok: false, code: 'not_found', message: 'No such local experiment.' };
	const alreadyRemote = remoteStateOf(experiment);
	if (alreadyRemote && !(await queuedFor(db, experimentId)))
		return ok({ remoteId: alreadyRemote.id });
	await enqueueExperiment(db, experimentId);
	await syncOutbox(db, edgeSyncPort(token));
	const after = await db.experiments.get(experimentId);
	const remote = after ? remoteStateOf(after) : null;
	const queued = await queuedFor(db, experimentId);
	if (!remote || queued) {
		const why =
			queued?.status === 'conflict'
				? 'it changed on the edge too; resolve the conflict'
				: queued?.lastError;
		return {
			ok: false,
			code: queued?.status === 'conflict' ? 'conflict' : 'internal',
			message: why ?? 'not sent yet'
		};
	}
	if (!alreadyRemote && experiment.runId && options.uploadRun !== false)
		await uploadRun(db, token, remote.id, experiment.runId);
	return ok({ remoteId: remote.id });
}

/**
 * Best effort: the run and its loss curve are extra detail on the edge; the experiment record is what
 * must not be lost, and it is already stored there when this runs.
 */
async function uploadRun(
	db: AxonDb,
	token: string,
	remoteExperimentId: string,
	runId: string
): Promise<void> {
	const run = await db.runs.get(runId);
	if (!run) return;
	const created = await createRun(token, remoteExperimentId, {
		name: `browser run ${new Date(run.startedAt).toISOString()}`,
		parameters: {
			seed: run.seed,
			backend: run.backend,
			adapter: run.adapter,
			software: run.software
		}
	});
	if (!created.ok) return;
	const uploader = new MetricUploader((points) =>
		logMetrics(token, remoteExperimentId, created.value.id, points)
	);
	const metrics = await db.metrics.where('runId').equals(runId).toArray();
	// A diverged run can log NaN losses; the edge accepts finite numbers only.
	uploader.log(
		metrics
			.filter((m) => Number.isFinite(m.value))
			.map((m) => ({ name: m.name, step: m.step, value: m.value }))
	);
	await uploader.drain();
	if (run.status !== 'running') {
		const last = run.history.at(-1);
		await patchRun(token, remoteExperimentId, created.value.id, {
			status: run.status,
			...(last
				? {
						final_metrics: {
							loss: last.loss,
							...(last.valLoss === null ? {} : { val_loss: last.valLoss })
						}
					}
				: {})
		});
	}
}
