/**
 * The samples a run trains on: sample-major inputs of any per-sample shape (a window `[T, F]` for
 * sequence models, `[F]` for an MLP) and targets (regression values, or class indices for
 * classification). The first `trainSamples` train; the rest validate (a chronological split: no
 * validation sample precedes a training one).
 */
import * as tf from '@tensorflow/tfjs';

export interface TrainingData {
	x: Float32Array;
	/** Per-sample input shape, e.g. `[window, features]`. */
	inputShape: readonly number[];
	/** `samples × targetWidth` values. */
	y: Float32Array;
	targetWidth: number;
	samples: number;
	trainSamples: number;
}

/** Values per sample. */
export const inputStride = (d: TrainingData): number => d.inputShape.reduce((a, b) => a * b, 1);

/** A message saying what is wrong with `d` for `model`, or null. */
export function checkTrainingData(d: TrainingData, model: tf.LayersModel): string | null {
	const stride = inputStride(d);
	if (!Number.isInteger(d.samples) || d.samples < 1)
		return `samples must be a positive integer, got ${d.samples}.`;
	if (!Number.isInteger(d.trainSamples) || d.trainSamples < 1 || d.trainSamples > d.samples) {
		return `trainSamples must be an integer in [1, ${d.samples}], got ${d.trainSamples}.`;
	}
	if (d.x.length !== d.samples * stride) {
		return `x has ${d.x.length} values; ${d.samples} samples of [${d.inputShape.join(', ')}] need ${d.samples * stride}.`;
	}
	if (d.y.length !== d.samples * d.targetWidth) {
		return `y has ${d.y.length} values; ${d.samples} samples × ${d.targetWidth} targets need ${d.samples * d.targetWidth}.`;
	}
	const shape = model.inputs[0]?.shape.slice(1);
	if (model.inputs.length !== 1 || shape?.join() !== d.inputShape.join()) {
		return `The model expects input [${shape?.join(', ')}], the data is [${d.inputShape.join(', ')}]; rebuild the model for this data.`;
	}
	return null;
}

/** Copies the chosen rows into fresh tensors (tfjs may keep the array it is given). */
export function gatherRows(d: TrainingData, rows: ArrayLike<number>): [tf.Tensor, tf.Tensor2D] {
	const stride = inputStride(d);
	const w = d.targetWidth;
	const xb = new Float32Array(rows.length * stride);
	const yb = new Float32Array(rows.length * w);
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i];
		xb.set(d.x.subarray(r * stride, (r + 1) * stride), i * stride);
		yb.set(d.y.subarray(r * w, (r + 1) * w), i * w);
	}
	return [tf.tensor(xb, [rows.length, ...d.inputShape]), tf.tensor2d(yb, [rows.length, w])];
}

/** The model's first output (zoo models have one per head; the engine trains the first). */
export function firstOutput(out: tf.Tensor | tf.Tensor[]): tf.Tensor {
	return Array.isArray(out) ? out[0] : out;
}
