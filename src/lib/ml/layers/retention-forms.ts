/**
 * The three forms of retention (Sun et al. 2023, RetNet, §2.1–2.2) on head-split tensors Q, K, V
 * `[B, H, T, d]` with one decay γ_h per head. All compute `o_n = Σ_{m≤n} γ^(n−m) (q_n · k_m) v_m`:
 * - parallel:  `(Q Kᵀ ⊙ D) V`, `D_nm = γ^(n−m)` for n ≥ m, else 0 — O(T²) memory, one pass.
 * - recurrent: `S_n = γ S_{n−1} + k_nᵀ v_n`, `o_n = q_n S_n` — O(1) state per step, T steps.
 * - chunkwise: parallel inside chunks of B steps, a recurrent state R between them:
 *   `R_i = γ^B R_{i−1} + K_iᵀ (V_i ⊙ ζ)`, `ζ_j = γ^(B−1−j)`; the cross-chunk term is `(Q_i R_{i−1}) ⊙ ξ`,
 *   `ξ_j = γ^(j+1)`.
 */
import * as tf from '@tensorflow/tfjs';

/** Per-head decays of the paper: `γ_h = 1 − 2^(−5−h)`. */
export function retentionDecays(heads: number): number[] {
	return Array.from({ length: heads }, (_, h) => 1 - Math.pow(2, -5 - h));
}

/** `[H, n, n]` lower-triangular decay matrices `γ_h^(i−j)`. */
function decayMatrix(gammas: readonly number[], n: number): tf.Tensor3D {
	const d = new Float32Array(gammas.length * n * n);
	gammas.forEach((g, h) => {
		for (let i = 0; i < n; i++)
			for (let j = 0; j <= i; j++) d[(h * n + i) * n + j] = Math.pow(g, i - j);
	});
	return tf.tensor3d(d, [gammas.length, n, n]);
}

/** `[H, n, 1]` with entry `γ_h^(f(j))`. */
function decayColumn(
	gammas: readonly number[],
	n: number,
	exponent: (j: number) => number
): tf.Tensor3D {
	const c = new Float32Array(gammas.length * n);
	gammas.forEach((g, h) => {
		for (let j = 0; j < n; j++) c[h * n + j] = Math.pow(g, exponent(j));
	});
	return tf.tensor3d(c, [gammas.length, n, 1]);
}

export function retentionParallel(
	q: tf.Tensor,
	k: tf.Tensor,
	v: tf.Tensor,
	gammas: readonly number[]
): tf.Tensor {
	return tf.tidy(() =>
		tf.matMul(tf.matMul(q, k, false, true).mul(decayMatrix(gammas, q.shape[2]!)), v)
	);
}

export function retentionRecurrent(
	q: tf.Tensor,
	k: tf.Tensor,
	v: tf.Tensor,
	gammas: readonly number[]
): tf.Tensor {
	return tf.tidy(() => {
		const [b, h, t, d] = q.shape;
		const gamma = tf.tensor4d(Float32Array.from(gammas), [1, h, 1, 1]);
		let state: tf.Tensor = tf.zeros([b, h, d, d]);
		const outs: tf.Tensor[] = [];
		for (let n = 0; n < t; n++) {
			const qn = q.slice([0, 0, n, 0], [b, h, 1, d]);
			const kn = k.slice([0, 0, n, 0], [b, h, 1, d]);
			const vn = v.slice([0, 0, n, 0], [b, h, 1, d]);
			state = state.mul(gamma).add(tf.matMul(kn, vn, true, false));
			outs.push(tf.matMul(qn, state));
		}
		return tf.concat(outs, 2);
	});
}

export function retentionChunkwise(
	q: tf.Tensor,
	k: tf.Tensor,
	v: tf.Tensor,
	gammas: readonly number[],
	chunkSize: number
): tf.Tensor {
	return tf.tidy(() => {
		const [b, h, t, d] = q.shape;
		let state: tf.Tensor = tf.zeros([b, h, d, d]);
		const outs: tf.Tensor[] = [];
		for (let s = 0; s < t; s += chunkSize) {
			const n = Math.min(chunkSize, t - s);
			const qc = q.slice([0, 0, s, 0], [b, h, n, d]);
			const kc = k.slice([0, 0, s, 0], [b, h, n, d]);
			const vc = v.slice([0, 0, s, 0], [b, h, n, d]);
			const inner = tf.matMul(tf.matMul(qc, kc, false, true).mul(decayMatrix(gammas, n)), vc);
			const cross = tf.matMul(qc, state).mul(decayColumn(gammas, n, (j) => j + 1));
			outs.push(inner.add(cross));
			const carry = tf.tensor4d(
				Float32Array.from(gammas, (g) => Math.pow(g, n)),
				[1, h, 1, 1]
			);
			const zeta = decayColumn(gammas, n, (j) => n - 1 - j);
			state = state.mul(carry).add(tf.matMul(kc, vc.mul(zeta), true, false));
		}
		return tf.concat(outs, 2);
	});
}
