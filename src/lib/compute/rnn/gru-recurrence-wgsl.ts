/**
 * The fused GRU recurrence (reset before the recurrent matmul, as tfjs-layers) as WGSL bodies for
 * tfjs-backend-webgpu programs. Same scheme as the LSTM: one workgroup per batch row, h in
 * workgroup memory, one dispatch per sequence. The f64 twin is gru-recurrence-reference.ts.
 */
import { perRow, RECURRENCE_WGSL_PRELUDE } from './recurrence-wgsl-prelude';

/**
 * Inputs `xin [B, T, D]`, `wk [D, 3H]`, `wb [3H]`, `rk [H, 3H]`, and `rkzr2 [H, H]` as vec2: the z
 * and r columns of R regrouped so `rkzr2[k·H + j]` = (R[k, j], R[k, H + j]) — one load for both
 * gates; output `result [B, T, 5H]` (workspace, processing order). The input projection is computed
 * in the kernel, as in the LSTM, and each weight read serves the workgroup's `rows` batch rows.
 */
export const gruForwardWgsl = (workgroupSize: number, rows: number): string => /* wgsl */ `
${RECURRENCE_WGSL_PRELUDE}
var<workgroup> hShared: array<f32, ${rows * workgroupSize}>;
var<workgroup> rhShared: array<f32, ${rows * workgroupSize}>;

fn main(index: i32) {
	let b0 = batchRow() * ${rows};
	let j = i32(localId.x);
	let B = uniforms.outShape.x;
	let T = uniforms.outShape.y;
	let W = uniforms.outShape.z;
	let H = uniforms.rkShape.x;
	let G = 3 * H;
	let D = uniforms.wkShape.x;
	let unit = j < H;
${perRow(
	rows,
	(r) => `	let live${r} = b0 + ${r} < B && unit;
	hShared[${r * workgroupSize} + j] = 0.0;`
)}
	for (var s = 0; s < T; s++) {
		workgroupBarrier();
		let t = select(s, T - 1 - s, uniforms.reverse != 0);
${perRow(
	rows,
	(r) => `		var zr${r} = vec2<f32>(0.0);
		var ah${r} = 0.0;`
)}
		if (unit) {
			let bzr = vec2<f32>(wb[j], wb[j + H]);
${perRow(
	rows,
	(r) => `			zr${r} = bzr;
			ah${r} = wb[j + 2 * H];`
)}
			for (var d = 0; d < D; d++) {
				let ko = d * G + j;
				let wzr = vec2<f32>(wk[ko], wk[ko + H]);
				let wh = wk[ko + 2 * H];
${perRow(
	rows,
	(r) => `				let x${r} = xin[min((b0 + ${r}) * T + t, B * T - 1) * D + d];
				zr${r} += x${r} * wzr;
				ah${r} += x${r} * wh;`
)}
			}
			for (var k = 0; k < H; k++) {
				let w = rkzr2[k * H + j];
${perRow(rows, (r) => `				zr${r} += hShared[${r * workgroupSize} + k] * w;`)}
			}
		}
${perRow(
	rows,
	(r) => `		let hPrev${r} = hShared[${r * workgroupSize} + j];
		let z${r} = gateAct(zr${r}.x);
		let r${r} = gateAct(zr${r}.y);
		rhShared[${r * workgroupSize} + j] = r${r} * hPrev${r};`
)}
		workgroupBarrier();
		if (unit) {
			for (var k = 0; k < H; k++) {
				let w = rk[k * G + 2 * H + j];
${perRow(rows, (r) => `				ah${r} += rhShared[${r * workgroupSize} + k] * w;`)}
			}
		}
${perRow(
	rows,
	(r) => `		let hh${r} = stableTanh(ah${r});
		let h${r} = z${r} * hPrev${r} + (1.0 - z${r}) * hh${r};
		if (live${r}) {
			let wo = ((b0 + ${r}) * T + s) * W + j;
			result[wo] = z${r}; result[wo + H] = r${r}; result[wo + 2 * H] = hh${r};
			result[wo + 3 * H] = h${r}; result[wo + 4 * H] = hPrev${r};
		}`
)}
		workgroupBarrier();
${perRow(rows, (r) => `		hShared[${r * workgroupSize} + j] = select(0.0, h${r}, live${r});`)}
	}
}
`;

/**
 * Inputs `dy [B, T, H]`, `ws [B, T, 5H]`, `rkt [3H, H]` (transposed: coalesced reads) and `rkzrt2
 * [H, H]` as vec2, `rkzrt2[k·H + j]` = (R[j, k], R[j, H + k]) for the z and r part of the dh sum;
 * output `result [B, T, 3H]`. Three phases per step because the candidate's gradient must reach
 * every unit's reset gate through R_h before the z and r gradients can be reduced into dh_{t−1};
 * each weight read serves the workgroup's `rows` batch rows.
 */
export const gruBackwardWgsl = (workgroupSize: number, rows: number): string => /* wgsl */ `
${RECURRENCE_WGSL_PRELUDE}
var<workgroup> dAzr: array<vec2<f32>, ${rows * workgroupSize}>;
var<workgroup> dAh: array<f32, ${rows * workgroupSize}>;

fn main(index: i32) {
	let b0 = batchRow() * ${rows};
	let j = i32(localId.x);
	let B = uniforms.outShape.x;
	let T = uniforms.outShape.y;
	let H = uniforms.rktShape.y;
	let G = 3 * H;
	let W = uniforms.wsShape.z;
	let unit = j < H;
${perRow(
	rows,
	(r) => `	let live${r} = b0 + ${r} < B && unit;
	var dhRec${r} = 0.0;`
)}
	for (var q = 0; q < T; q++) {
		let s = T - 1 - q;
${perRow(
	rows,
	(r) => `		let wo${r} = ((b0 + ${r}) * T + s) * W + j;
		let ro${r} = ((b0 + ${r}) * T + s) * G + j;
		var dhAcc${r} = 0.0;
		var r${r} = 0.0;
		var hPrev${r} = 0.0;
		var daz${r} = 0.0;
		dAh[${r * workgroupSize} + j] = 0.0;
		if (live${r}) {
			let z = ws[wo${r}]; let hh = ws[wo${r} + 2 * H];
			r${r} = ws[wo${r} + H];
			hPrev${r} = ws[wo${r} + 4 * H];
			let dh = dy[((b0 + ${r}) * T + s) * H + j] + dhRec${r};
			daz${r} = dh * (hPrev${r} - hh) * gateSlope(z);
			let dah = dh * (1.0 - z) * (1.0 - hh * hh);
			dhAcc${r} = dh * z;
			result[ro${r}] = daz${r}; result[ro${r} + 2 * H] = dah;
			dAh[${r * workgroupSize} + j] = dah;
		}`
)}
		workgroupBarrier();
${perRow(rows, (r) => `		var drh${r} = 0.0;`)}
		if (unit) {
			for (var m = 0; m < H; m++) {
				let w = rkt[(2 * H + m) * H + j];
${perRow(rows, (r) => `				drh${r} += dAh[${r * workgroupSize} + m] * w;`)}
			}
		}
${perRow(
	rows,
	(r) => `		dAzr[${r * workgroupSize} + j] = vec2<f32>(0.0);
		if (live${r}) {
			let dar = drh${r} * hPrev${r} * gateSlope(r${r});
			dhAcc${r} += drh${r} * r${r};
			result[ro${r} + H] = dar;
			dAzr[${r * workgroupSize} + j] = vec2<f32>(daz${r}, dar);
		}`
)}
		workgroupBarrier();
${perRow(rows, (r) => `		var acc${r} = vec2<f32>(0.0);`)}
		if (unit) {
			for (var k = 0; k < H; k++) {
				let w = rkzrt2[k * H + j];
${perRow(rows, (r) => `				acc${r} += dAzr[${r * workgroupSize} + k] * w;`)}
			}
		}
${perRow(rows, (r) => `		dhRec${r} = dhAcc${r} + acc${r}.x + acc${r}.y;`)}
		workgroupBarrier();
	}
}
`;
