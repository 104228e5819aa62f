/**
 * Gradient clipping by global norm (Pascanu, Mikolov & Bengio 2013): all gradients are rescaled by
 * one factor, `maxNorm / max(‖g‖, maxNorm)`, so their direction is kept and the global L2 norm
 * `‖g‖ = √(Σ_i ‖g_i‖²)` is at most `maxNorm`.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * Returns the clipped gradients and the global norm *before* clipping, both as tensors (the norm
 * stays on the device; read it back only when reporting). The caller owns and disposes all of them.
 *
 * @example
 * const { clipped, norm } = clipByGlobalNorm(grads, 1);
 */
export function clipByGlobalNorm(
	grads: tf.Tensor[],
	maxNorm: number
): { clipped: tf.Tensor[]; norm: tf.Scalar } {
	return tf.tidy(() => {
		const norm = globalNorm(grads);
		const scale = tf.div(maxNorm, tf.maximum(norm, maxNorm));
		return { clipped: grads.map((g) => tf.mul(g, scale)), norm };
	});
}

/** `√(Σ_i Σ_j g_ij²)` over every gradient. */
export function globalNorm(grads: tf.Tensor[]): tf.Scalar {
	return tf.tidy(() => tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g))))) as tf.Scalar);
}
