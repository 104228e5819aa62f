/**
 * Everything a run needs to continue exactly where it stopped: weights, optimiser slots, the
 * position in the epoch (the batch order itself is a pure function of seed and epoch), the running
 * epoch loss, early-stopping state and the history so far. Plain data (typed arrays, numbers), so it
 * goes into IndexedDB, through `postMessage` or into JSON (see `snapshotToJson`) unchanged.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainLoopConfig } from '$lib/core/protocol/training';
import type { EarlyStoppingState } from './early-stopping';
import type { OptimizerSnapshot } from './optimizer';

export interface EpochMetrics {
	/** 1-based. */
	epoch: number;
	/** Mean training loss over the epoch, weighted by batch size. */
	loss: number;
	/** Validation loss (unweighted); null without validation samples. */
	valLoss: number | null;
	/** regression: information coefficient (Pearson) of the first output; classification: accuracy. */
	valMetric: number | null;
	/** Learning rate of the epoch's last step. */
	learningRate: number;
}

export interface TrainingSnapshot {
	version: 1;
	/** The config the run started with; a resume with another config is refused. */
	config: TrainLoopConfig;
	/** 1-based epoch in progress, 0-based index of its next batch, optimiser steps taken. */
	position: { epoch: number; batch: number; step: number };
	/** Σ batch loss × batch size so far in this epoch, and the samples it covers. */
	epochLossSum: number;
	epochSeen: number;
	weights: Float32Array[];
	optimizer: OptimizerSnapshot;
	earlyStopping: EarlyStoppingState;
	/** Weights at the best validation loss, kept only when early stopping restores them. */
	bestWeights: Float32Array[] | null;
	history: EpochMetrics[];
	/** Training time before this snapshot, for ETA and throughput across resumes. */
	elapsedMs: number;
}

/** Reads every variable's values (one device round trip per variable). */
export async function readWeights(vars: readonly tf.Variable[]): Promise<Float32Array[]> {
	return Promise.all(vars.map(async (v) => (await v.data()) as Float32Array));
}

/** Writes values read by `readWeights` back; throws on a size mismatch (another model). */
export function writeWeights(vars: readonly tf.Variable[], values: readonly Float32Array[]): void {
	if (values.length !== vars.length) {
		throw new Error(
			`The checkpoint has ${values.length} weight tensors, the model ${vars.length}.`
		);
	}
	tf.tidy(() =>
		vars.forEach((v, i) => {
			if (values[i].length !== v.size) {
				throw new Error(
					`Weight ${v.name} has ${v.size} values, the checkpoint ${values[i].length}.`
				);
			}
			v.assign(tf.tensor(values[i], v.shape));
		})
	);
}

type Jsonable =
	{ __f32: number[] } | Jsonable[] | { [k: string]: unknown } | number | string | boolean | null;

/**
 * A JSON text of a snapshot (typed arrays as `{ "__f32": [...] }`; every f32 is exact as a JSON
 * double). For files (the CLI, the kill-and-resume test); IndexedDB takes the snapshot as it is.
 */
export function snapshotToJson(s: TrainingSnapshot): string {
	return JSON.stringify(s, (_k, v: unknown) =>
		v instanceof Float32Array ? ({ __f32: Array.from(v) } satisfies Jsonable) : v
	);
}

export function snapshotFromJson(text: string): TrainingSnapshot {
	const s = JSON.parse(text, (_k, v: unknown) =>
		v && typeof v === 'object' && '__f32' in v
			? Float32Array.from((v as { __f32: number[] }).__f32)
			: v
	) as TrainingSnapshot;
	// JSON has no Infinity: the "no best yet" loss comes back as null.
	if (s.earlyStopping.best === null) s.earlyStopping.best = Infinity;
	return s;
}
