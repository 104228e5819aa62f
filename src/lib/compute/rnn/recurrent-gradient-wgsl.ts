/**
 * The recurrent-kernel gradient of a fused RNN as a WGSL body for a tfjs-backend-webgpu program
 * (flat dispatch, no workgroup barriers):
 *
 *   dR[k, m] = Σ_{b,s} L[b, s, k] · dA[b, s, m]
 *
 * over every batch row b and processing step s, where L is what multiplied R at that step: h_{s−1}
 * (the workspace's `hPrev` block) for every LSTM gate and the GRU's z and r columns, and r ⊙ h_{s−1}
 * for the GRU candidate's (Keras' reset-before-matmul GRU). Both operands are read in place from the
 * workspace `ws [B, T, width]` and `dA [B, T, G]`, so no slice, product or concat is materialised.
 *
 * Why a kernel of our own: this is a [B·T, H]ᵀ × [B·T, G] product with a long reduction (16,384 rows
 * at B = T = 128). tfjs' tiled matmul synchronises its workgroup at every tile, and on SwiftShader
 * (where the shader runs on CPU cores and a barrier is a coroutine switch) it took ~7.5 s of a ~17 s
 * LSTM training step at B = T = H = 128. Here each thread keeps a ROWS × COLUMNS tile of dR in
 * registers and never waits for another thread.
 *
 * The thread → tile map is chosen for how SwiftShader runs a shader: four consecutive invocations
 * share one SIMD register, and a load whose four addresses are equal is one scalar load, a load whose
 * addresses are consecutive one vector load, anything else four loads. So the four lanes of a quad
 * take four neighbouring columns (lane l: columns base + l + 4c; dA loads are consecutive) and the
 * same rows (the workspace loads are equal). A column block never straddles two gates, so each
 * thread knows its left operand (h or r ⊙ h) before its loop. Lanes past H read a clamped (valid)
 * index and are not written.
 *
 * The twin is the tfjs-ops product in ml/fused/run-recurrence.ts (`recurrentKernelGradient` on any
 * other backend) and the f64 reference `rnnSequenceGradients`.
 */
import { workspaceLayout, type RnnCell } from './rnn-layout';

/** Rows of dR per thread (k), and columns per lane (m, four lanes apart). */
export const RECURRENT_GRADIENT_TILE = { rows: 8, columns: 8 } as const;

/** Threads for an `[H, G]` gradient: row tiles × per-gate column blocks × 4 lanes. */
export function recurrentGradientThreads(H: number, G: number): number {
	const { rows, columns } = RECURRENT_GRADIENT_TILE;
	return Math.ceil(H / rows) * (G / H) * Math.ceil(H / (4 * columns)) * 4;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Inputs `ws [B, T, width]` (the forward workspace) and `da [B, T, G]` (processing order); output
 * `result [H, G]`. `hPrev` and the GRU's reset gate are read at their workspace offsets, which
 * depend only on H, so the shader derives them from the output shape (no extra uniforms).
 */
export const recurrentGradientWgsl = (cell: RnnCell): string => {
	const { rows: KR, columns: KC } = RECURRENT_GRADIENT_TILE;
	const hPrevBlocks = workspaceLayout(cell, 1).hPrev; // LSTM 6H, GRU 4H; the GRU's r is at H
	const loop = (reset: boolean) => /* wgsl */ `
		for (var s = 0; s < steps; s++) {
			let wo = s * W;
			let ao = s * G;
${range(KR)
	.map((r) =>
		reset
			? `			let l${r} = ws[wo + H + k${r}] * ws[wo + hp + k${r}];`
			: `			let l${r} = ws[wo + hp + k${r}];`
	)
	.join('\n')}
${range(KC)
	.map(
		(c) =>
			`			let d${c} = da[ao + m${c}];\n` +
			range(KR)
				.map((r) => `			acc${r}_${c} += l${r} * d${c};`)
				.join('\n')
	)
	.join('\n')}
		}`;
	return /* wgsl */ `
fn main(index: i32) {
	let H = uniforms.outShape.x;
	let G = uniforms.outShape.y;
	let W = uniforms.wsShape.z;
	let steps = uniforms.wsShape.x * uniforms.wsShape.y;
	let gates = G / H;
	let blocks = (H + ${4 * KC - 1}) / ${4 * KC}; // column blocks per gate
	let rowTiles = (H + ${KR - 1}) / ${KR};
	if (index >= rowTiles * gates * blocks * 4) { return; }
	let lane = index % 4;
	let block = (index / 4) % (gates * blocks);
	let kBase = (index / 4 / (gates * blocks)) * ${KR};
	let q = block / blocks;
	let j0 = (block % blocks) * ${4 * KC} + lane;
	let last = H - 1;
${range(KR)
	.map((r) => `	let k${r} = min(kBase + ${r}, last);`)
	.join('\n')}
${range(KC)
	.map((c) => `	let m${c} = q * H + min(j0 + ${4 * c}, last);`)
	.join('\n')}
	let hp = ${hPrevBlocks} * H;
${range(KR)
	.flatMap((r) => range(KC).map((c) => `	var acc${r}_${c} = 0.0;`))
	.join('\n')}
	${cell === 'gru' ? `if (q == 2) {${loop(true)}\n\t} else {${loop(false)}\n\t}` : `{${loop(false)}\n\t}`}
${range(KR)
	.flatMap((r) =>
		range(KC).map(
			(c) =>
				`	if (kBase + ${r} < H && j0 + ${4 * c} < H) { result[(kBase + ${r}) * G + q * H + j0 + ${4 * c}] = acc${r}_${c}; }`
		)
	)
	.join('\n')}
}
`;
};
