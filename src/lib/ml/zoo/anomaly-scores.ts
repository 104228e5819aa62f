/**
 * Anomaly scores of an autoencoder: the mean squared reconstruction error of each window. Windows
 * unlike the training data reconstruct badly and score high.
 */
import * as tf from '@tensorflow/tfjs';
import type { BuiltModel } from './build-model';
import { forward } from './zoo-loss';

/**
 * @example
 * const scores = await anomalyScores(built, windows); // Float32Array(B)
 */
export async function anomalyScores(built: BuiltModel, x: tf.Tensor): Promise<Float32Array> {
	const head = built.outputs.findIndex((o) => o.kind === 'reconstruction');
	if (head < 0) throw new RangeError('anomaly scores need a model with a reconstruction head');
	const scores = tf.tidy(() => {
		const recon = forward(built, x, { training: false })[head];
		return tf.squaredDifference(recon, x.reshape(recon.shape)).mean(1);
	});
	const out = (await scores.data()) as Float32Array;
	scores.dispose();
	return out;
}
