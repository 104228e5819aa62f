/**
 * A tiny, seeded training problem shared by the engine's tests and the kill-and-resume child
 * process: a GRU over 4 steps × 2 features, 40 samples (32 train, 8 validate). Small enough for the
 * CPU backend in well under a second per run.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainLoopConfigInput } from '$lib/core/protocol/training';
import { CounterRng } from '$lib/core/random/philox';
import { buildSequenceModel } from '$lib/ml/gru-regressor';
import type { TrainingData } from '../training-data';

export const TINY = { window: 4, features: 2, samples: 40, trainSamples: 32 } as const;

/** y = mean of the window's first feature + noise: learnable, deterministic. */
export function tinyData(seed = 3): TrainingData {
	const rng = new CounterRng(seed, 9);
	const { window, features, samples, trainSamples } = TINY;
	const x = Float32Array.from({ length: samples * window * features }, () => rng.normal());
	const y = Float32Array.from({ length: samples }, (_, s) => {
		let m = 0;
		for (let t = 0; t < window; t++) m += x[(s * window + t) * features];
		return m / window + 0.05 * rng.normal();
	});
	return { x, y, inputShape: [window, features], targetWidth: 1, samples, trainSamples };
}

export function tinyModel(seed = 11): tf.LayersModel {
	return buildSequenceModel({
		model_type: 'gru',
		window: TINY.window,
		nFeatures: TINY.features,
		units: 3,
		seed
	});
}

export const TINY_CONFIG: TrainLoopConfigInput = {
	epochs: 3,
	batchSize: 8,
	learningRate: 0.01,
	seed: 5,
	optimizer: { type: 'adamw', weightDecay: 0.01 },
	schedule: { warmupSteps: 2, decay: { type: 'cosine', minLearningRate: 0.001 } },
	clipNorm: 1,
	readLossEvery: 2,
	checkpointEvery: 3
};

/** All weights of a model, flattened, for comparing runs. */
export async function flatWeights(model: tf.LayersModel): Promise<number[]> {
	const out: number[] = [];
	for (const w of model.trainableWeights) out.push(...((await w.read().data()) as Float32Array));
	return out;
}
