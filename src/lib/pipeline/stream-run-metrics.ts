/**
 * Live metrics for a collaborator: while an experiment trains, each epoch's loss, validation loss,
 * learning rate and throughput go to the edge as the epoch ends, so the curve grows on the edge too.
 * Training never waits: `epoch()` queues points in the async uploader and returns; a failed network
 * only leaves points queued (retried with backoff). At the start the (running) experiment is pushed
 * through the sync outbox and a tracked run is created; if that fails, nothing streams and the
 * experiment syncs after training as before.
 */
import { createRun, logMetrics, patchRun } from '$lib/api/tracking-client';
import type { MetricPoint, RunPatch } from '$lib/core/protocol';
import type { Result } from '$lib/core/result';
import type { AxonDb } from '$lib/store/db';
import { enqueueExperiment, MetricUploader, type UploaderOptions } from '$lib/sync';
import { syncExperiment } from './sync-experiment';

export interface EpochPoint {
	epoch: number;
	loss: number;
	valLoss?: number | null;
	valMetric?: number | null;
	learningRate?: number;
	samplesPerSec?: number;
}

export interface RunStream {
	/** Queues the epoch's metrics; returns at once. */
	epoch(p: EpochPoint): void;
	/**
	 * Sends what is queued, then the run's final status, and queues the experiment's final record for
	 * the next sync (the edge holds the running version); false when the edge could not be reached.
	 */
	finish(status: RunPatch['status'], final?: Record<string, number>): Promise<boolean>;
}

/** What the stream calls; the defaults are the edge client (tests pass fakes). */
export interface StreamDeps {
	sync: (experimentId: string) => Promise<Result<{ remoteId: string }>>;
	createRun: (remoteExperimentId: string) => Promise<Result<{ id: string }>>;
	logMetrics: (
		remoteExperimentId: string,
		runId: string,
		points: MetricPoint[]
	) => Promise<Result<unknown>>;
	patchRun: (remoteExperimentId: string, runId: string, body: RunPatch) => Promise<Result<unknown>>;
	/** Puts the local experiment back in the sync outbox. */
	requeue: (experimentId: string) => Promise<void>;
	uploader?: UploaderOptions;
}

export function edgeStreamDeps(db: AxonDb, token: string): StreamDeps {
	return {
		// Only the record: this stream creates the experiment's tracked run itself.
		sync: (id) => syncExperiment(db, token, id, { uploadRun: false }),
		createRun: (remote) =>
			createRun(token, remote, { name: `browser run ${new Date().toISOString()} (live)` }),
		logMetrics: (remote, run, points) => logMetrics(token, remote, run, points),
		patchRun: (remote, run, body) => patchRun(token, remote, run, body),
		requeue: (id) => enqueueExperiment(db, id)
	};
}

/**
 * @example
 * const stream = await startRunStream(p.experimentId, edgeStreamDeps(openDb(), session.token));
 * stream?.epoch({ epoch: 3, loss: 0.91, valLoss: 0.97 });
 */
export async function startRunStream(
	experimentId: string,
	deps: StreamDeps
): Promise<RunStream | null> {
	const synced = await deps.sync(experimentId);
	if (!synced.ok) return null;
	const remote = synced.value.remoteId;
	const run = await deps.createRun(remote);
	if (!run.ok) return null;
	const uploader = new MetricUploader(
		(points) => deps.logMetrics(remote, run.value.id, points),
		// Epochs are seconds apart: send each one promptly rather than batching for long.
		{ flushEveryMs: 250, ...deps.uploader }
	);
	return {
		epoch(p) {
			const points: MetricPoint[] = [];
			const add = (name: string, value: number | null | undefined) => {
				// The edge takes finite numbers only; a diverged epoch's NaN loss stays local.
				if (value !== null && value !== undefined && Number.isFinite(value))
					points.push({ name, step: p.epoch, value });
			};
			add('loss', p.loss);
			add('val_loss', p.valLoss);
			add('val_ic', p.valMetric);
			add('learning_rate', p.learningRate);
			add('samples_per_sec', p.samplesPerSec);
			uploader.log(points);
		},
		async finish(status, final) {
			const sent = await uploader.drain();
			const patched = await deps.patchRun(remote, run.value.id, {
				status,
				...(final ? { final_metrics: final } : {})
			});
			await deps.requeue(experimentId);
			return sent && patched.ok;
		}
	};
}
