/**
 * f64 twins of the retention kernels: the parallel form (the definition, O(N²)), the recurrent form
 * (`S_n = γ S_{n−1} + k_nᵀ v_n`, `o_n = q_n S_n`) and the chunkwise form the GPU runs (eq. 7–8 of
 * Sun et al. 2023, with a shorter last chunk). All three are the same function; the spec holds them
 * equal to 1e-12.
 */
import { retentionTime, type RetentionShape } from './retention-shape';

type Arr = ArrayLike<number>;

export function retentionParallel(
	q: Arr,
	k: Arr,
	v: Arr,
	gamma: Arr,
	s: RetentionShape
): Float64Array {
	const { rows, steps: N, keyDim: dk, valueDim: dv, heads, reverse } = s;
	const out = new Float64Array(rows * N * dv);
	for (let bh = 0; bh < rows; bh++) {
		const g = gamma[bh % heads];
		for (let p = 0; p < N; p++) {
			const n = retentionTime(p, N, reverse);
			for (let pm = 0; pm <= p; pm++) {
				const m = retentionTime(pm, N, reverse);
				let dot = 0;
				for (let d = 0; d < dk; d++) dot += q[(bh * N + n) * dk + d] * k[(bh * N + m) * dk + d];
				const w = g ** (p - pm) * dot;
				for (let e = 0; e < dv; e++) out[(bh * N + n) * dv + e] += w * v[(bh * N + m) * dv + e];
			}
		}
	}
	return out;
}

/** One recurrent step for every row: `state [BH, dk, dv]` is updated in place; returns `o [BH, dv]`. */
export function retentionStep(
	state: Float64Array,
	q: Arr,
	k: Arr,
	v: Arr,
	gamma: Arr,
	s: Omit<RetentionShape, 'steps'>
): Float64Array {
	const { rows, keyDim: dk, valueDim: dv, heads } = s;
	const out = new Float64Array(rows * dv);
	for (let bh = 0; bh < rows; bh++) {
		const g = gamma[bh % heads];
		for (let d = 0; d < dk; d++)
			for (let e = 0; e < dv; e++) {
				const i = (bh * dk + d) * dv + e;
				state[i] = g * state[i] + k[bh * dk + d] * v[bh * dv + e];
				out[bh * dv + e] += q[bh * dk + d] * state[i];
			}
	}
	return out;
}

/**
 * The chunkwise form with chunk length C: inside a chunk the parallel form; across chunks the state
 * R_c (before chunk c), R_{c+1} = γ^L R_c + Σ_j γ^{L−1−j} k_jᵀ v_j for a chunk of L positions, and
 * o_j += γ^{j+1} q_j R_c.
 */
export function retentionChunkwise(
	q: Arr,
	k: Arr,
	v: Arr,
	gamma: Arr,
	s: RetentionShape,
	chunk: number
): Float64Array {
	const { rows, steps: N, keyDim: dk, valueDim: dv, heads, reverse } = s;
	const out = new Float64Array(rows * N * dv);
	const R = new Float64Array(dk * dv);
	for (let bh = 0; bh < rows; bh++) {
		const g = gamma[bh % heads];
		R.fill(0);
		for (let start = 0; start < N; start += chunk) {
			const L = Math.min(chunk, N - start);
			for (let j = 0; j < L; j++) {
				const n = retentionTime(start + j, N, reverse);
				const qo = (bh * N + n) * dk;
				for (let e = 0; e < dv; e++) {
					let cross = 0;
					for (let d = 0; d < dk; d++) cross += q[qo + d] * R[d * dv + e];
					let inner = 0;
					for (let i = 0; i <= j; i++) {
						const m = retentionTime(start + i, N, reverse);
						let dot = 0;
						for (let d = 0; d < dk; d++) dot += q[qo + d] * k[(bh * N + m) * dk + d];
						inner += g ** (j - i) * dot * v[(bh * N + m) * dv + e];
					}
					out[(bh * N + n) * dv + e] = inner + g ** (j + 1) * cross;
				}
			}
			for (let d = 0; d < dk; d++)
				for (let e = 0; e < dv; e++) {
					let acc = g ** L * R[d * dv + e];
					for (let j = 0; j < L; j++) {
						const m = retentionTime(start + j, N, reverse);
						acc += g ** (L - 1 - j) * k[(bh * N + m) * dk + d] * v[(bh * N + m) * dv + e];
					}
					R[d * dv + e] = acc;
				}
		}
	}
	return out;
}
