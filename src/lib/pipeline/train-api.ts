/**
 * The train worker's API: experiment runs (the slice) and engine runs (issue #4 part B: any model,
 * resumable). Results as data, progress through a proxied callback, cancel and pause through ports.
 */
import { signalFromPort } from '$lib/bridge/abort-port';
import { ModelSpec, type TrainLoopConfigInput } from '$lib/core/protocol';
import { err, ok, type Result } from '$lib/core/result';
import { probeBackends, type BackendProbe } from '$lib/ml/backend-probe';
import { buildSequenceModel, type SequenceModelSpec } from '$lib/ml/gru-regressor';
import {
	gateFromPort,
	runTraining,
	type TrainingData,
	type TrainingOutcome,
	type TrainingProgress,
	type TrainingSnapshot
} from '$lib/ml/training';
import type { FusedRunInfo } from '$lib/ml/fused';
import { fusedStepInfo } from '$lib/ml/training/fused-step-info';
import { buildModel } from '$lib/ml/zoo';
import type { AxonDb } from '$lib/store/db';
import type { CheckpointRecord } from '$lib/store/records';
import { saveCheckpoint as serializeModel } from '$lib/ml/checkpoint';
import type { ExperimentInput } from './experiment-input';
import { runExperiment, type RunSummary } from './run-experiment';
import type { TrainProgress } from './train-progress';
import type * as tf from '@tensorflow/tfjs';

/** The model an engine run trains: the slice's GRU/LSTM regressor or a zoo spec. */
export type TrainModelSource =
	{ kind: 'sequence'; spec: SequenceModelSpec } | { kind: 'zoo'; spec: ModelSpec; seed: number };

export interface TrainRunRequest {
	/** Key of the run's snapshots; the same id with `resume` continues it after the worker died. */
	runId: string;
	model: TrainModelSource;
	data: TrainingData;
	config: TrainLoopConfigInput;
	resume?: boolean;
	/** Measure the backends with this model first and train on the fastest (else keep the current). */
	probe?: boolean;
}

export interface TrainRunSummary extends TrainingOutcome {
	probe: BackendProbe | null;
	/** Fused kernels of the model and one measured step; null without fused layers. */
	kernels: FusedRunInfo | null;
	resumedFromStep: number | null;
}

/** A checkpoint row that carries the engine's snapshot beside the tfjs artifacts. */
type TrainingCheckpointRecord = CheckpointRecord & { training: TrainingSnapshot };

const snapshotId = (runId: string) => `${runId}:training`;

export function createTrainApi(db: () => AxonDb) {
	return {
		/** `controlPort` (optional) takes 'pause' and 'resume' messages while the run trains. */
		async runExperiment(
			input: ExperimentInput,
			port?: MessagePort,
			onProgress?: (p: TrainProgress) => void,
			controlPort?: MessagePort
		): Promise<Result<RunSummary>> {
			try {
				return await runExperiment(db(), input, {
					signal: signalFromPort(port),
					onProgress,
					gate: gateFromPort(controlPort)
				});
			} catch (e) {
				return err('internal', e instanceof Error ? e.message : String(e));
			}
		},

		/**
		 * Trains with the engine, saving a snapshot to IndexedDB at every checkpoint (and on cancel or
		 * pause); `resume: true` continues from the last one, exactly. `controlPort` takes 'pause' and
		 * 'resume' messages.
		 */
		async trainModel(
			request: TrainRunRequest,
			abortPort?: MessagePort,
			controlPort?: MessagePort,
			onProgress?: (p: TrainingProgress) => void
		): Promise<Result<TrainRunSummary>> {
			const build = () => buildFrom(request.model);
			try {
				let probe: BackendProbe | null = null;
				if (request.probe) {
					probe = await probeBackends(
						() => {
							const m = build();
							if (!m.ok) throw new Error(m.message);
							return m.value;
						},
						{ sampleShape: request.data.inputShape, steps: 2 }
					);
				}
				const built = build();
				if (!built.ok) return built;
				const model = built.value;
				const table = db().checkpoints;
				let resumeFrom: TrainingSnapshot | undefined;
				if (request.resume) {
					const row = (await table.get(snapshotId(request.runId))) as
						TrainingCheckpointRecord | undefined;
					if (!row?.training) {
						model.dispose();
						return err(
							'not_found',
							`No checkpoint of run ${request.runId} is stored; start it again.`
						);
					}
					resumeFrom = row.training;
				}
				try {
					const kernels = await fusedStepInfo(model, request.data, request.config.batchSize);
					const r = await runTraining({
						model,
						data: request.data,
						config: request.config,
						resumeFrom,
						signal: signalFromPort(abortPort),
						gate: gateFromPort(controlPort),
						onProgress,
						onCheckpoint: async (s) => {
							const row: TrainingCheckpointRecord = {
								id: snapshotId(request.runId),
								runId: request.runId,
								epoch: s.position.epoch,
								createdAt: Date.now(),
								artifacts: await serializeModel(model),
								training: s
							};
							await table.put(row);
						}
					});
					if (!r.ok) return r;
					return ok({
						...r.value,
						probe,
						kernels,
						resumedFromStep: resumeFrom?.position.step ?? null
					});
				} finally {
					model.dispose();
				}
			} catch (e) {
				return err('internal', e instanceof Error ? e.message : String(e));
			}
		}
	};
}

function buildFrom(source: TrainModelSource): Result<tf.LayersModel> {
	if (source.kind === 'sequence') {
		try {
			return ok(buildSequenceModel(source.spec));
		} catch (e) {
			return err('bad_input', e instanceof Error ? e.message : String(e));
		}
	}
	const built = buildModel(source.spec, { seed: source.seed });
	return built.ok ? ok(built.value.model) : built;
}

export type TrainApi = ReturnType<typeof createTrainApi>;
