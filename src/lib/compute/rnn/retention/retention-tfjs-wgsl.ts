/**
 * The retention kernels of retention-wgsl.ts as bodies for tfjs-backend-webgpu programs (see
 * ml/fused/sequence-programs.ts), so they read and write tfjs tensors on the backend's device. Same
 * arithmetic, same f32 error argument, same f64 twins (retention-reference.ts); only the bindings
 * differ: tfjs' prelude declares `result`, one storage array per input named in `variableNames`,
 * and `uniforms` with each input's shape plus `heads`, `chunk`, `reverse` (RETENTION_TFJS_UNIFORMS).
 * Rows are `[rows, N, dim]` row-major, row r belongs to head `r % heads`.
 */

/** Custom uniforms appended to tfjs' `Uniforms` struct. */
export const RETENTION_TFJS_UNIFORMS = 'heads : i32, chunk : i32, reverse : i32,';

const TIME = /* wgsl */ `
fn retTime(p: i32, n: i32) -> i32 {
	return select(p, n - 1 - p, uniforms.reverse != 0);
}
`;

/** Inputs `k [R, N, dk]`, `v [R, N, dv]`, `gamma [heads]`; output `states [R, chunks, dk·dv]`. */
export const retentionStatesTfjsWgsl = (): string => /* wgsl */ `
${TIME}
fn main(index: i32) {
	let R = uniforms.kShape.x;
	let N = uniforms.kShape.y;
	let dk = uniforms.kShape.z;
	let dv = uniforms.vShape.z;
	let chunks = uniforms.outShape.y;
	if (index >= R * dk * dv) { return; }
	let row = index / (dk * dv);
	let d = (index / dv) % dk;
	let e = index % dv;
	let g = gamma[row % uniforms.heads];
	var acc = 0.0;
	for (var c = 0; c < chunks; c++) {
		result[(row * chunks + c) * dk * dv + d * dv + e] = acc;
		let start = c * uniforms.chunk;
		let L = min(uniforms.chunk, N - start);
		// Horner over the chunk: R ← γ^L R + Σ_j γ^(L−1−j) k_j[d] v_j[e].
		for (var j = 0; j < L; j++) {
			let m = retTime(start + j, N);
			acc = g * acc + k[(row * N + m) * dk + d] * v[(row * N + m) * dv + e];
		}
	}
}
`;

/** Inputs `q, k [R, N, dk]`, `v [R, N, dv]`, `gamma`, `states`; output `[R, N, dv]`. */
export const retentionOutputTfjsWgsl = (): string => /* wgsl */ `
${TIME}
fn main(index: i32) {
	let N = uniforms.qShape.y;
	let dk = uniforms.qShape.z;
	let dv = uniforms.vShape.z;
	let chunks = uniforms.statesShape.y;
	if (index >= uniforms.qShape.x * N * dv) { return; }
	let row = index / (N * dv);
	let p = (index / dv) % N;
	let e = index % dv;
	let g = gamma[row % uniforms.heads];
	let c = p / uniforms.chunk;
	let j = p % uniforms.chunk;
	let n = retTime(p, N);
	let qo = (row * N + n) * dk;
	let so = (row * chunks + c) * dk * dv;
	var cross = 0.0;
	for (var d = 0; d < dk; d++) { cross += q[qo + d] * states[so + d * dv + e]; }
	// Intra-chunk, newest first so the decay is one multiply per term.
	var inner = 0.0;
	var decay = 1.0;
	for (var back = 0; back <= j; back++) {
		let m = retTime(p - back, N);
		var dot = 0.0;
		for (var d = 0; d < dk; d++) { dot += q[qo + d] * k[(row * N + m) * dk + d]; }
		inner += decay * dot * v[(row * N + m) * dv + e];
		decay *= g;
	}
	// decay is now γ^(j+1), the cross-chunk weight.
	result[(row * N + n) * dv + e] = inner + decay * cross;
}
`;

/**
 * One decoding step. Inputs `state [R, dk, dv]`, `q, k [R, dk]`, `v [R, dv]`, `gamma`; output
 * `[R, dk + 1, dv]`: rows 0‥dk−1 the new state, row dk the output `q·S` (tfjs programs have one
 * output, so both travel in one tensor and are sliced apart).
 */
export const retentionStepTfjsWgsl = (): string => /* wgsl */ `
fn main(index: i32) {
	let R = uniforms.stateShape.x;
	let dk = uniforms.stateShape.y;
	let dv = uniforms.stateShape.z;
	if (index >= R * dv) { return; }
	let row = index / dv;
	let e = index % dv;
	let g = gamma[row % uniforms.heads];
	let ve = v[row * dv + e];
	var o = 0.0;
	// This thread owns column e of the row's state: no other thread touches it.
	for (var d = 0; d < dk; d++) {
		let s = g * state[(row * dk + d) * dv + e] + k[row * dk + d] * ve;
		result[(row * (dk + 1) + d) * dv + e] = s;
		o += q[row * dk + d] * s;
	}
	result[(row * (dk + 1) + dk) * dv + e] = o;
}
`;
