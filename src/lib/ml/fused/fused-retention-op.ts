/**
 * Retention (Sun et al. 2023, "Retentive Network", eqs. 5–8) as one differentiable tfjs op. On
 * WebGPU: the chunkwise kernels of compute/rnn/retention, two dispatches forward, and a backward pass
 * of three more retentions (two reversed; derivation in retention-gradients.ts), six dispatches. On
 * other backends: the same math in stock tfjs ops (retention-ops.ts) under tfjs' autodiff.
 * The recurrent form `retentionStep` serves live inference at O(1) per token.
 */
import * as tf from '@tensorflow/tfjs';
import { retentionProgram } from './sequence-programs';
import { retentionStepTfjsOps, retentionTfjsOps } from './retention-ops';
import { runTfjsProgram, webGpuBackend, type WebGpuBackendLike } from './webgpu-backend';

/**
 * Chunk length of the chunkwise kernels: an output thread sums ≤ C·dk products inside its chunk and
 * the state scan is serial over N/C chunks; 32 balances the two and keeps the f32 error argument of
 * retention-wgsl.ts (C ≤ 64).
 */
export const RETENTION_CHUNK = 32;

/**
 * `o_n = Σ_{m≤n} γ_h^{n−m} (q_n·k_m) v_m` per (batch, head) for `q, k [B, heads, N, dk]`,
 * `v [B, heads, N, dv]`, `gamma` one decay per head. Differentiable in q, k and v (γ is a constant).
 *
 * @example
 * const o = fusedRetention(q, k, v, retentionDecays(4)); // [B, 4, N, dv]
 */
export function fusedRetention(
	q: tf.Tensor4D,
	k: tf.Tensor4D,
	v: tf.Tensor4D,
	gamma: readonly number[]
): tf.Tensor4D {
	checkShapes(q, k, v, gamma);
	const backend = webGpuBackend();
	if (!backend) return retentionTfjsOps(q, k, v, gamma);
	const [B, heads, N, dk] = q.shape;
	const dv = v.shape[3];
	const rows = B * heads;
	const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
		const [qIn, kIn, vIn, gIn] = args as tf.Tensor[];
		const save = args[4] as tf.GradSaveFunc;
		const [q3, k3, v3] = [qIn, kIn, vIn].map((t) => tf.reshape(t, [rows, N, t.shape[3]!]));
		save([q3, k3, v3, gIn]);
		const value = chunkwise(backend, q3, k3, v3, gIn, heads, false).reshape([B, heads, N, dv]);
		const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
			const [qS, kS, vS, gS] = saved as tf.Tensor3D[];
			const dO = tf.reshape(dy, [rows, N, dv]) as tf.Tensor3D;
			const dq = chunkwise(backend, dO, vS, kS, gS, heads, false);
			const dkT = chunkwise(backend, vS, dO, qS, gS, heads, true);
			const dvT = chunkwise(backend, kS, qS, dO, gS, heads, true);
			return [
				dq.reshape([B, heads, N, dk]),
				dkT.reshape([B, heads, N, dk]),
				dvT.reshape([B, heads, N, dv]),
				tf.zerosLike(gS)
			];
		};
		return { value, gradFunc };
	});
	const g = tf.tensor1d(Float32Array.from(gamma));
	const out = op(q, k, v, g) as tf.Tensor4D;
	g.dispose();
	return out;
}

/** Two dispatches: chunk states, then outputs; `q, k [R, N, dk]`, `v [R, N, dv]` → `[R, N, dv]`. */
function chunkwise(
	backend: WebGpuBackendLike,
	q: tf.Tensor,
	k: tf.Tensor,
	v: tf.Tensor,
	gamma: tf.Tensor,
	heads: number,
	reverse: boolean
): tf.Tensor3D {
	const [R, N, dk] = q.shape as [number, number, number];
	const dv = v.shape[2]!;
	const chunk = Math.min(RETENTION_CHUNK, N);
	const chunks = Math.ceil(N / chunk);
	const uniforms = [heads, chunk, reverse ? 1 : 0];
	const states = runTfjsProgram(
		backend,
		retentionProgram('states', [R, chunks, dk * dv], R * dk * dv),
		[k, v, gamma],
		uniforms
	);
	const out = runTfjsProgram<tf.Rank.R3>(
		backend,
		retentionProgram('output', [R, N, dv], R * N * dv),
		[q, k, v, gamma, states],
		uniforms
	);
	states.dispose();
	return out;
}

/**
 * One token of recurrent retention for live inference, O(dk·dv) per head whatever the history:
 * `S ← γ S + kᵀ v`, `o = q S`. `state [B, heads, dk, dv]` (zeros before the first token),
 * `q, k [B, heads, dk]`, `v [B, heads, dv]`. Returns new tensors; the caller disposes the old state.
 * Stepping it over a sequence gives `fusedRetention`'s outputs (held equal in the specs).
 *
 * @example
 * let state = tf.zeros([1, heads, dk, dv]) as tf.Tensor4D;
 * const step = retentionStep(state, q, k, v, gamma); state.dispose(); state = step.state;
 */
export function retentionStep(
	state: tf.Tensor4D,
	q: tf.Tensor3D,
	k: tf.Tensor3D,
	v: tf.Tensor3D,
	gamma: readonly number[]
): { out: tf.Tensor3D; state: tf.Tensor4D } {
	const [B, heads, dk, dv] = state.shape;
	const ok =
		q.rank === 3 &&
		[q.shape, k.shape].every((s) => s[0] === B && s[1] === heads && s[2] === dk) &&
		v.rank === 3 &&
		v.shape[0] === B &&
		v.shape[1] === heads &&
		v.shape[2] === dv &&
		gamma.length === heads;
	if (!ok)
		throw new RangeError(
			`retentionStep expects state [B, heads, dk, dv], q and k [B, heads, dk], v [B, heads, dv], ${heads} decays; got state [${state.shape}], q [${q.shape}], k [${k.shape}], v [${v.shape}], ${gamma.length} decays.`
		);
	const backend = webGpuBackend();
	if (!backend) return retentionStepTfjsOps(state, q, k, v, gamma);
	return tf.tidy(() => {
		const R = B * heads;
		const g = tf.tensor1d(Float32Array.from(gamma));
		const both = runTfjsProgram<tf.Rank.R3>(
			backend,
			retentionProgram('step', [R, dk + 1, dv], R * dv),
			[state.reshape([R, dk, dv]), q.reshape([R, dk]), k.reshape([R, dk]), v.reshape([R, dv]), g],
			[heads, 1, 0]
		);
		return {
			state: tf.slice(both, [0, 0, 0], [R, dk, dv]).reshape([B, heads, dk, dv]) as tf.Tensor4D,
			out: tf.slice(both, [0, dk, 0], [R, 1, dv]).reshape([B, heads, dv]) as tf.Tensor3D
		};
	});
}

/**
 * The per-head decays of RetNet's multi-scale retention: γ_h = 1 − 2^(−5−h) (Sun et al. 2023, §2.2).
 *
 * @example
 * retentionDecays(2); // [0.96875, 0.984375]
 */
export function retentionDecays(heads: number): number[] {
	return Array.from({ length: heads }, (_, h) => 1 - 2 ** (-5 - h));
}

function checkShapes(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, gamma: readonly number[]): void {
	const ok =
		q.rank === 4 &&
		k.rank === 4 &&
		v.rank === 4 &&
		q.shape.every((d, i) => d === k.shape[i]) &&
		v.shape.slice(0, 3).every((d, i) => d === q.shape[i]) &&
		gamma.length === q.shape[1];
	if (!ok)
		throw new RangeError(
			`fusedRetention expects q and k [B, heads, N, dk], v [B, heads, N, dv] and one decay per head; got q [${q.shape}], k [${k.shape}], v [${v.shape}], ${gamma.length} decays.`
		);
}
