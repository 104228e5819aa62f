/**
 * The input-side gradients of a fused RNN as WGSL bodies for tfjs-backend-webgpu programs (flat
 * dispatch, no workgroup barriers). The gate-preactivation gradients `dA [B, T, G]` come from the
 * backward recurrence in processing order; these kernels read them at the processing step of each
 * input time, so no reversed copy is made.
 *
 * Why not tfjs' matMul/sum: with D (input features) small, these products are thin, and on
 * SwiftShader tfjs' tiled matmul and its axis-0 sum spent ~1.2 s of a 3.1 s training step on them
 * (B = T = H = 64, D = 8). Each thread here keeps `INPUT_GRADIENT_TILE` outputs in registers, laid
 * out for SwiftShader's quads as the recurrent-kernel gradient is (see recurrent-gradient-wgsl.ts):
 * the four lanes of a quad load the same weight (one scalar load) or neighbouring columns of dA
 * (one vector load), and each load feeds a whole tile. The twin is the tfjs-ops path in
 * ml/fused/run-recurrence.ts (`inputGradients` on any other backend), and the f64 reference
 * `rnnSequenceGradients` in rnn-sequence-reference.ts.
 */

/** Input features (d) per thread in both kernels. */
export const INPUT_GRADIENT_TILE = 8;

/** Threads of the dx kernel for `[B, T, D]`: quads of 4 consecutive (b, t) rows × feature tiles. */
export const inputGradientThreads = (rows: number, D: number): number =>
	Math.ceil(rows / 4) * 4 * Math.ceil(D / INPUT_GRADIENT_TILE);

/** Threads of the weight kernel for `[D + 1, G]`: one per column m per feature tile. */
export const weightGradientThreads = (D: number, G: number): number =>
	G * Math.max(1, Math.ceil(D / INPUT_GRADIENT_TILE));

const tile = Array.from({ length: INPUT_GRADIENT_TILE }, (_, i) => i);

/** The input time read at processing step s, and back (the map is its own inverse). */
const PROCESSING_STEP = /* wgsl */ `
fn processingStep(t: i32, T: i32) -> i32 {
	return select(t, T - 1 - t, uniforms.reverse != 0);
}
`;

/**
 * Inputs `da [B, T, G]` (processing order), `wk [D, G]`; output `result [B, T, D]` (time order):
 * dx[b, t, d] = Σ_m dA[b, s(t), m] · W[d, m]. Lane l of a quad takes row (b, t) = 4·quad + l; the
 * quad shares a tile of features, so each weight load is one scalar load for four rows.
 */
export const inputGradientWgsl = (): string => /* wgsl */ `
${PROCESSING_STEP}
fn main(index: i32) {
	let B = uniforms.outShape.x;
	let T = uniforms.outShape.y;
	let D = uniforms.outShape.z;
	let G = uniforms.wkShape.y;
	let tiles = (D + ${INPUT_GRADIENT_TILE - 1}) / ${INPUT_GRADIENT_TILE};
	let quads = (B * T + 3) / 4;
	if (index >= quads * 4 * tiles) { return; }
	let lane = index % 4;
	let d0 = ((index / 4) % tiles) * ${INPUT_GRADIENT_TILE};
	let bt = min((index / 4 / tiles) * 4 + lane, B * T - 1);
	let t = bt % T;
	let ao = (bt - t + processingStep(t, T)) * G;
	let last = D - 1;
${tile.map((i) => `	let w${i} = min(d0 + ${i}, last) * G;`).join('\n')}
${tile.map((i) => `	var acc${i} = 0.0;`).join('\n')}
	for (var m = 0; m < G; m++) {
		let g = da[ao + m];
${tile.map((i) => `		acc${i} += g * wk[w${i} + m];`).join('\n')}
	}
	if ((index / 4 / tiles) * 4 + lane >= B * T) { return; }
${tile.map((i) => `	if (d0 + ${i} < D) { result[bt * D + d0 + ${i}] = acc${i}; }`).join('\n')}
}
`;

/**
 * Inputs `xin [B, T, D]` (time order), `da [B, T, G]` (processing order); output
 * `result [D + 1, G]`: rows 0..D−1 are the kernel gradient Σ_{b,t} x[b, t, d] · dA[b, s(t), m],
 * row D is the bias gradient Σ_{b,t} dA[b, t, m]. Lanes take neighbouring columns m (dA loads are
 * consecutive) and share a tile of features (each x load is one scalar load); the threads of the
 * first tile also write the bias row.
 */
export const weightGradientWgsl = (): string => /* wgsl */ `
${PROCESSING_STEP}
fn main(index: i32) {
	let B = uniforms.xinShape.x;
	let T = uniforms.xinShape.y;
	let D = uniforms.xinShape.z;
	let G = uniforms.outShape.y;
	let tiles = max(1, (D + ${INPUT_GRADIENT_TILE - 1}) / ${INPUT_GRADIENT_TILE});
	if (index >= G * tiles) { return; }
	let m = index % G;
	let d0 = (index / G) * ${INPUT_GRADIENT_TILE};
	let last = max(D - 1, 0);
${tile.map((i) => `	let x${i} = min(d0 + ${i}, last);`).join('\n')}
${tile.map((i) => `	var acc${i} = 0.0;`).join('\n')}
	var bias = 0.0;
	for (var b = 0; b < B; b++) {
		for (var t = 0; t < T; t++) {
			let g = da[(b * T + processingStep(t, T)) * G + m];
			let xo = (b * T + t) * D;
${tile.map((i) => `			acc${i} += xin[xo + x${i}] * g;`).join('\n')}
			bias += g;
		}
	}
${tile.map((i) => `	if (d0 + ${i} < D) { result[(d0 + ${i}) * G + m] = acc${i}; }`).join('\n')}
	if (d0 == 0) { result[D * G + m] = bias; }
}
`;
