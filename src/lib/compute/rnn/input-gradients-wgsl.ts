/**
 * The input-side gradients of a fused RNN as WGSL bodies for tfjs-backend-webgpu programs (flat
 * dispatch, one thread per output element, no workgroup barriers). The gate-preactivation
 * gradients `dA [B, T, G]` come from the backward recurrence in processing order; these kernels
 * read them at the processing step of each input time, so no reversed copy is made.
 *
 * Why not tfjs' matMul/sum: with D (input features) small, these products are thin, and on
 * SwiftShader tfjs' tiled matmul and its axis-0 sum spent ~1.2 s of a 3.1 s training step on them
 * (B = T = H = 64, D = 8); a plain loop per output element takes ~0.1 s. The twin is the tfjs-ops
 * path in ml/fused/run-recurrence.ts (`inputGradients` on any other backend), and the f64
 * reference `rnnSequenceGradients` in rnn-sequence-reference.ts.
 */

/** The input time read at processing step s, and back (the map is its own inverse). */
const PROCESSING_STEP = /* wgsl */ `
fn processingStep(t: i32, T: i32) -> i32 {
	return select(t, T - 1 - t, uniforms.reverse != 0);
}
`;

/**
 * Inputs `da [B, T, G]` (processing order), `wk [D, G]`; output `result [B, T, D]` (time order):
 * dx[b, t, d] = Σ_m dA[b, s(t), m] · W[d, m].
 */
export const inputGradientWgsl = (): string => /* wgsl */ `
${PROCESSING_STEP}
fn main(index: i32) {
	let B = uniforms.outShape.x;
	let T = uniforms.outShape.y;
	let D = uniforms.outShape.z;
	let G = uniforms.wkShape.y;
	if (index >= B * T * D) { return; }
	let d = index % D;
	let bt = index / D;
	let t = bt % T;
	let b = bt / T;
	let ao = (b * T + processingStep(t, T)) * G;
	let wo = d * G;
	var acc = 0.0;
	for (var m = 0; m < G; m++) { acc += da[ao + m] * wk[wo + m]; }
	result[index] = acc;
}
`;

/**
 * Inputs `xin [B, T, D]` (time order), `da [B, T, G]` (processing order); output
 * `result [D + 1, G]`: rows 0..D−1 are the kernel gradient Σ_{b,t} x[b, t, d] · dA[b, s(t), m],
 * row D is the bias gradient Σ_{b,t} dA[b, t, m].
 */
export const weightGradientWgsl = (): string => /* wgsl */ `
${PROCESSING_STEP}
fn main(index: i32) {
	let B = uniforms.xinShape.x;
	let T = uniforms.xinShape.y;
	let D = uniforms.xinShape.z;
	let G = uniforms.outShape.y;
	if (index >= (D + 1) * G) { return; }
	let m = index % G;
	let d = index / G;
	var acc = 0.0;
	for (var b = 0; b < B; b++) {
		for (var t = 0; t < T; t++) {
			let g = da[(b * T + processingStep(t, T)) * G + m];
			if (d < D) {
				acc += xin[(b * T + t) * D + d] * g;
			} else {
				acc += g;
			}
		}
	}
	result[index] = acc;
}
`;
