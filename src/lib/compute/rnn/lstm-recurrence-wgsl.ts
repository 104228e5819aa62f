/**
 * The fused LSTM recurrence as WGSL bodies for tfjs-backend-webgpu programs (see
 * ml/fused/recurrence-program.ts). One workgroup per batch row loops over all T steps with h in
 * workgroup memory and c in a register of the thread that owns the unit: one dispatch per sequence,
 * forward or backward. The f64 twin is lstm-recurrence-reference.ts; keep the two in step.
 */
import { perRow, RECURRENCE_WGSL_PRELUDE } from './recurrence-wgsl-prelude';

/**
 * Inputs `xin [B, T, D]`, `wk4 [D, H]`, `wb4 [H]`, `rk4 [H, H]` as vec4 over the gates `ifco` (the
 * tfjs-layers weights regrouped by `gateInterleaved` in ml/fused/run-recurrence.ts); output
 * `result [B, T, 7H]` (the workspace, processing order). Thread j computes the four gates of unit j,
 * input projection included (D is small next to H, and a separate projection matmul was the
 * largest single cost of a training step on SwiftShader), for `rows` batch rows at once so each
 * vec4 weight read serves `rows` rows. Reads are coalesced across threads; the sums run in the
 * same order as the f64 twin's.
 */
export const lstmForwardWgsl = (workgroupSize: number, rows: number): string => /* wgsl */ `
${RECURRENCE_WGSL_PRELUDE}
var<workgroup> hShared: array<f32, ${rows * workgroupSize}>;

fn main(index: i32) {
	let b0 = batchRow() * ${rows};
	let j = i32(localId.x);
	let B = uniforms.outShape.x;
	let T = uniforms.outShape.y;
	let W = uniforms.outShape.z;
	let H = uniforms.rk4Shape.x;
	let D = uniforms.wk4Shape.x;
	let unit = j < H;
${perRow(
	rows,
	(r) => `	let live${r} = b0 + ${r} < B && unit;
	var c${r} = 0.0;
	hShared[${r * workgroupSize} + j] = 0.0;`
)}
	for (var s = 0; s < T; s++) {
		workgroupBarrier();
		let t = select(s, T - 1 - s, uniforms.reverse != 0);
${perRow(
	rows,
	(r) => `		var a${r} = vec4<f32>(0.0);
		var hNext${r} = 0.0;`
)}
		if (unit) {
${perRow(rows, (r) => `			a${r} = wb4[j];`)}
			for (var d = 0; d < D; d++) {
				let w = wk4[d * H + j];
${perRow(rows, (r) => `				a${r} += xin[min((b0 + ${r}) * T + t, B * T - 1) * D + d] * w;`)}
			}
			for (var k = 0; k < H; k++) {
				let w = rk4[k * H + j];
${perRow(rows, (r) => `				a${r} += hShared[${r * workgroupSize} + k] * w;`)}
			}
		}
${perRow(
	rows,
	(r) => `		{
			let hPrev = hShared[${r * workgroupSize} + j];
			let i = gateAct(a${r}.x);
			let f = gateAct(a${r}.y);
			let g = stableTanh(a${r}.z);
			let o = gateAct(a${r}.w);
			c${r} = f * c${r} + i * g;
			let h = o * stableTanh(c${r});
			if (live${r}) {
				let wo = ((b0 + ${r}) * T + s) * W + j;
				result[wo] = i; result[wo + H] = f; result[wo + 2 * H] = g; result[wo + 3 * H] = o;
				result[wo + 4 * H] = c${r}; result[wo + 5 * H] = h; result[wo + 6 * H] = hPrev;
			}
			hNext${r} = select(0.0, h, live${r});
		}`
)}
		workgroupBarrier();
${perRow(rows, (r) => `		hShared[${r * workgroupSize} + j] = hNext${r};`)}
	}
}
`;

/**
 * Inputs `dy [B, T, H]`, `ws [B, T, 7H]`, `rkt4 [H, H]` as vec4 over the gates, `rkt4[k·H + j]` =
 * R[j, q·H + k] for q = i, f, c, o (so the dh reduction reads one vec4 per (k, j), coalesced across
 * threads, shared by the workgroup's `rows` batch rows); output `result [B, T, 4H]`: gradients of
 * the gate preactivations, processing order. Step by step from T−1 down: thread j turns dh_j and its
 * private dc_j into the 4 gate gradients of unit j, shares them, then forms
 * dh_{t−1}[j] = Σ_m dA[m]·R[j, m] for the next (earlier) step.
 */
export const lstmBackwardWgsl = (workgroupSize: number, rows: number): string => /* wgsl */ `
${RECURRENCE_WGSL_PRELUDE}
var<workgroup> dAShared: array<vec4<f32>, ${rows * workgroupSize}>;

fn main(index: i32) {
	let b0 = batchRow() * ${rows};
	let j = i32(localId.x);
	let B = uniforms.outShape.x;
	let T = uniforms.outShape.y;
	let H = uniforms.rkt4Shape.x;
	let G = 4 * H;
	let W = uniforms.wsShape.z;
	let unit = j < H;
${perRow(
	rows,
	(r) => `	let live${r} = b0 + ${r} < B && unit;
	var dhRec${r} = 0.0;
	var dcNext${r} = 0.0;`
)}
	for (var q = 0; q < T; q++) {
		let s = T - 1 - q;
${perRow(
	rows,
	(r) => `		if (live${r}) {
			let wo = ((b0 + ${r}) * T + s) * W + j;
			let i = ws[wo]; let f = ws[wo + H]; let g = ws[wo + 2 * H]; let o = ws[wo + 3 * H];
			let c = ws[wo + 4 * H];
			var cPrev = 0.0;
			if (s > 0) { cPrev = ws[wo - W + 4 * H]; }
			let dh = dy[((b0 + ${r}) * T + s) * H + j] + dhRec${r};
			let tc = stableTanh(c);
			let dc = dcNext${r} + dh * o * (1.0 - tc * tc);
			let dai = dc * g * gateSlope(i);
			let daf = dc * cPrev * gateSlope(f);
			let dag = dc * i * (1.0 - g * g);
			let dao = dh * tc * gateSlope(o);
			dcNext${r} = dc * f;
			let ro = ((b0 + ${r}) * T + s) * G + j;
			result[ro] = dai; result[ro + H] = daf; result[ro + 2 * H] = dag; result[ro + 3 * H] = dao;
			dAShared[${r * workgroupSize} + j] = vec4<f32>(dai, daf, dag, dao);
		} else {
			dAShared[${r * workgroupSize} + j] = vec4<f32>(0.0);
		}`
)}
		workgroupBarrier();
${perRow(rows, (r) => `		var acc${r} = vec4<f32>(0.0);`)}
		if (unit) {
			for (var k = 0; k < H; k++) {
				let w = rkt4[k * H + j];
${perRow(rows, (r) => `				acc${r} += dAShared[${r * workgroupSize} + k] * w;`)}
			}
		}
${perRow(rows, (r) => `		dhRec${r} = acc${r}.x + acc${r}.y + acc${r}.z + acc${r}.w;`)}
		workgroupBarrier();
	}
}
`;
