/**
 * Retention composed from stock tfjs ops (the parallel form of Sun et al. 2023, eq. 5):
 * `O = (Q Kᵀ ⊙ D) V` with the decay mask `D[h, n, m] = γ_h^(n−m)` for n ≥ m, else 0. Differentiable
 * by tfjs' own autodiff. It is the fallback of `fusedRetention` off WebGPU and the unfused peer in
 * bench/fused-sequence.bench.ts: O(N²) memory and work, a handful of kernels.
 */
import * as tf from '@tensorflow/tfjs';

/** The decay mask `[heads, N, N]`, computed in f64 and rounded once to f32. */
export function retentionDecayMask(gamma: readonly number[], steps: number): tf.Tensor3D {
	const N = steps;
	const mask = new Float32Array(gamma.length * N * N);
	gamma.forEach((g, h) => {
		for (let n = 0; n < N; n++)
			for (let m = 0; m <= n; m++) mask[(h * N + n) * N + m] = g ** (n - m);
	});
	return tf.tensor3d(mask, [gamma.length, N, N]);
}

/**
 * `q, k [B, heads, N, dk]`, `v [B, heads, N, dv]` → `[B, heads, N, dv]`.
 *
 * @example
 * const o = retentionTfjsOps(q, k, v, [0.96875, 0.984375]);
 */
export function retentionTfjsOps(
	q: tf.Tensor4D,
	k: tf.Tensor4D,
	v: tf.Tensor4D,
	gamma: readonly number[]
): tf.Tensor4D {
	return tf.tidy(() => {
		const mask = retentionDecayMask(gamma, q.shape[2]);
		const scores = tf.mul(tf.matMul(q, k, false, true), mask);
		return tf.matMul(scores, v) as tf.Tensor4D;
	});
}

/**
 * One recurrent step in tfjs ops: `S ← γ S + kᵀ v`, `o = q S`, for `state [B, heads, dk, dv]`,
 * `q, k [B, heads, dk]`, `v [B, heads, dv]`.
 */
export function retentionStepTfjsOps(
	state: tf.Tensor4D,
	q: tf.Tensor3D,
	k: tf.Tensor3D,
	v: tf.Tensor3D,
	gamma: readonly number[]
): { out: tf.Tensor3D; state: tf.Tensor4D } {
	return tf.tidy(() => {
		const g = tf.tensor4d(Float32Array.from(gamma), [1, gamma.length, 1, 1]);
		const next = tf.add(tf.mul(g, state), tf.mul(tf.expandDims(k, 3), tf.expandDims(v, 2)));
		const out = tf.sum(tf.mul(tf.expandDims(q, 3), next), 2) as tf.Tensor3D;
		return { out, state: next as tf.Tensor4D };
	});
}
