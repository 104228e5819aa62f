/**
 * Scaled dot-product attention (Vaswani et al. 2017, eq. 1) on head-split tensors:
 * `softmax(Q Kᵀ / √d + mask) V` with Q `[B, H, Tq, d]`, K and V `[B, H, Tk, d]`.
 */
import * as tf from '@tensorflow/tfjs';

/** `-1e9` above the diagonal: step t never attends to a later step. */
export function causalMask(steps: number): tf.Tensor2D {
	const m = new Float32Array(steps * steps);
	for (let i = 0; i < steps; i++) for (let j = i + 1; j < steps; j++) m[i * steps + j] = -1e9;
	return tf.tensor2d(m, [steps, steps]);
}

export function scaledDotAttention(
	q: tf.Tensor,
	k: tf.Tensor,
	v: tf.Tensor,
	causal: boolean
): tf.Tensor {
	return tf.tidy(() => {
		const d = q.shape[q.shape.length - 1];
		let scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
		if (causal) scores = scores.add(causalMask(q.shape[2]!));
		return tf.matMul(tf.softmax(scores, -1), v);
	});
}
