/**
 * The losses the engine minimises, as defined in the docs, so the class-weight tests can check them
 * by hand.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainingTask } from '$lib/core/protocol/training';

/** Probabilities are clipped to [ε, 1] before the log, as Keras does, so a 0 never gives ∞. */
const PROBABILITY_FLOOR = 1e-7;

/**
 * - regression: mean squared error over every output value.
 * - classification: `output` holds class probabilities `[B, K]`, `target` the class index `[B, 1]`;
 *   the loss is `Σ_i w_{y_i}·(−log p_{i,y_i}) / Σ_i w_{y_i}` (PyTorch's `CrossEntropyLoss(weight)`
 *   with mean reduction), i.e. the plain mean when no weights are given.
 *
 * @example
 * const loss = trainingLoss('classification', probs, labels, [1, 3]); // rare class 1 counts 3×
 */
export function trainingLoss(
	task: TrainingTask,
	output: tf.Tensor,
	target: tf.Tensor,
	classWeights?: readonly number[]
): tf.Scalar {
	return tf.tidy(() => {
		if (task === 'regression') {
			return tf.mean(tf.squaredDifference(output, target.reshape(output.shape))) as tf.Scalar;
		}
		const classes = output.shape[output.shape.length - 1] ?? 1;
		const labels = target.reshape([-1]).toInt();
		const oneHot = tf.oneHot(labels, classes).toFloat();
		const picked = tf.sum(tf.mul(oneHot, output), -1);
		const nll = tf.neg(tf.log(tf.clipByValue(picked, PROBABILITY_FLOOR, 1)));
		if (!classWeights) return tf.mean(nll) as tf.Scalar;
		const w = tf.sum(tf.mul(oneHot, tf.tensor1d(classWeights.slice(0, classes))), -1);
		return tf.div(tf.sum(tf.mul(w, nll)), tf.sum(w)) as tf.Scalar;
	});
}
