/**
 * Gradients of retention from three retentions (derivation: differentiate
 * o_n = Σ_{m≤n} γ^{n−m} (q_n·k_m) v_m term by term):
 *   dq_n = Σ_{m≤n} γ^{n−m} (dO_n·v_m) k_m  = retention(q ← dO, k ← v, v ← k)
 *   dk_m = Σ_{n≥m} γ^{n−m} (v_m·dO_n) q_n  = reversed retention(q ← v, k ← dO, v ← q)
 *   dv_m = Σ_{n≥m} γ^{n−m} (k_m·q_n) dO_n  = reversed retention(q ← k, k ← q, v ← dO)
 * so the GPU backward pass reuses the forward kernels with the reverse flag. Generic over the
 * forward implementation: the f64 twin and the GPU runner both plug in.
 */
import type { RetentionShape } from './retention-shape';

type Arr = ArrayLike<number>;
export type RetentionForward<R> = (q: Arr, k: Arr, v: Arr, gamma: Arr, s: RetentionShape) => R;

export function retentionGradients<R>(
	forward: RetentionForward<R>,
	q: Arr,
	k: Arr,
	v: Arr,
	gamma: Arr,
	dOut: Arr,
	s: RetentionShape
): { dq: R; dk: R; dv: R } {
	if (s.reverse) throw new RangeError('retentionGradients expects a forward-time retention');
	const swapped = { ...s, keyDim: s.valueDim, valueDim: s.keyDim };
	return {
		dq: forward(dOut, v, k, gamma, swapped),
		dk: forward(v, dOut, q, gamma, { ...swapped, reverse: true }),
		dv: forward(k, q, dOut, gamma, { ...s, reverse: true })
	};
}
