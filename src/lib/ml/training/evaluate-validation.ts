/**
 * Validation at the end of an epoch: the loss (unweighted) and the task's headline metric on the
 * held-out samples, predictions computed in batches and read back once per batch.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainingTask } from '$lib/core/protocol/training';
import { accuracy, argmaxRows, informationCoefficient } from '$lib/core/validation/metrics';
import { firstOutput, gatherRows, type TrainingData } from './training-data';
import { trainingLoss } from './training-loss';

const EVAL_BATCH = 256;

export interface ValidationResult {
	loss: number;
	/** regression: IC of the first output; classification: accuracy. */
	metric: number;
}

/** Null when there are no validation samples. */
export async function evaluateValidation(
	model: tf.LayersModel,
	data: TrainingData,
	task: TrainingTask
): Promise<ValidationResult | null> {
	const from = data.trainSamples;
	const n = data.samples - from;
	if (n <= 0) return null;
	let lossSum = 0;
	let width = 0;
	const outputs: Float32Array[] = [];
	for (let s = from; s < data.samples; s += EVAL_BATCH) {
		const rows = Int32Array.from(
			{ length: Math.min(EVAL_BATCH, data.samples - s) },
			(_, i) => s + i
		);
		const [xb, yb] = gatherRows(data, rows);
		const [out, loss] = tf.tidy(() => {
			const o = firstOutput(model.predict(xb) as tf.Tensor | tf.Tensor[]);
			return [o.reshape([rows.length, -1]), trainingLoss(task, o, yb)];
		});
		tf.dispose([xb, yb]);
		width = out.shape[1] ?? 1;
		lossSum += (await loss.data())[0] * rows.length;
		outputs.push((await out.data()) as Float32Array);
		tf.dispose([out, loss]);
	}
	const pred = new Float32Array(n * width);
	let at = 0;
	for (const o of outputs) {
		pred.set(o, at);
		at += o.length;
	}
	const w = data.targetWidth;
	const targets = Float64Array.from({ length: n }, (_, i) => data.y[(from + i) * w]);
	const metric =
		task === 'classification'
			? accuracy(argmaxRows(pred, width), targets)
			: informationCoefficient(
					Float64Array.from({ length: n }, (_, i) => pred[i * width]),
					targets
				);
	return { loss: lossSum / n, metric };
}
