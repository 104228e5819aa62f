/**
 * The fused GRU recurrence (reset before the recurrent matmul, as tfjs-layers) as WGSL bodies for
 * tfjs-backend-webgpu programs. Same scheme as the LSTM: one workgroup per batch row, h in
 * workgroup memory, one dispatch per sequence. The f64 twin is gru-recurrence-reference.ts.
 */
import { RECURRENCE_WGSL_PRELUDE } from './recurrence-wgsl-prelude';

/**
 * Inputs `xin [B, T, D]`, `wk [D, 3H]`, `wb [3H]`, `rk [H, 3H]`, and `rkzr2 [H, H]` as vec2: the z
 * and r columns of R regrouped so `rkzr2[k·H + j]` = (R[k, j], R[k, H + j]) — one load for both
 * gates; output `result [B, T, 5H]` (workspace, processing order). The input projection is computed
 * in the kernel, as in the LSTM.
 */
export const gruForwardWgsl = (workgroupSize: number): string => /* wgsl */ `
${RECURRENCE_WGSL_PRELUDE}
var<workgroup> hShared: array<f32, ${workgroupSize}>;
var<workgroup> rhShared: array<f32, ${workgroupSize}>;

fn main(index: i32) {
	let b = batchRow();
	let j = i32(localId.x);
	let T = uniforms.outShape.y;
	let W = uniforms.outShape.z;
	let H = uniforms.rkShape.x;
	let G = 3 * H;
	let D = uniforms.wkShape.x;
	let live = b < uniforms.outShape.x && j < H;
	hShared[j] = 0.0;
	for (var s = 0; s < T; s++) {
		workgroupBarrier();
		let t = select(s, T - 1 - s, uniforms.reverse != 0);
		var az = 0.0; var ar = 0.0; var ah = 0.0;
		if (live) {
			az = wb[j]; ar = wb[j + H]; ah = wb[j + 2 * H];
			let xo = (b * T + t) * D;
			for (var d = 0; d < D; d++) {
				let xd = xin[xo + d];
				let ko = d * G + j;
				az += xd * wk[ko]; ar += xd * wk[ko + H]; ah += xd * wk[ko + 2 * H];
			}
			var zr = vec2<f32>(0.0);
			for (var k = 0; k < H; k++) { zr += hShared[k] * rkzr2[k * H + j]; }
			az += zr.x; ar += zr.y;
		}
		let hPrev = hShared[j];
		let z = gateAct(az);
		let r = gateAct(ar);
		rhShared[j] = r * hPrev;
		workgroupBarrier();
		if (live) {
			for (var k = 0; k < H; k++) { ah += rhShared[k] * rk[k * G + 2 * H + j]; }
		}
		let hh = stableTanh(ah);
		let h = z * hPrev + (1.0 - z) * hh;
		if (live) {
			let wo = (b * T + s) * W + j;
			result[wo] = z; result[wo + H] = r; result[wo + 2 * H] = hh;
			result[wo + 3 * H] = h; result[wo + 4 * H] = hPrev;
		}
		workgroupBarrier();
		hShared[j] = select(0.0, h, live);
	}
}
`;

/**
 * Inputs `dy [B, T, H]`, `ws [B, T, 5H]`, `rkt [3H, H]` (transposed: coalesced reads) and `rkzrt2
 * [H, H]` as vec2, `rkzrt2[k·H + j]` = (R[j, k], R[j, H + k]) for the z and r part of the dh sum;
 * output `result [B, T, 3H]`. Three phases
 * per step because the candidate's gradient must reach every unit's reset gate through R_h before
 * the z and r gradients can be reduced into dh_{t−1}.
 */
export const gruBackwardWgsl = (workgroupSize: number): string => /* wgsl */ `
${RECURRENCE_WGSL_PRELUDE}
var<workgroup> dAzr: array<vec2<f32>, ${workgroupSize}>;
var<workgroup> dAh: array<f32, ${workgroupSize}>;

fn main(index: i32) {
	let b = batchRow();
	let j = i32(localId.x);
	let T = uniforms.outShape.y;
	let H = uniforms.rktShape.y;
	let G = 3 * H;
	let W = uniforms.wsShape.z;
	let live = b < uniforms.outShape.x && j < H;
	var dhRec = 0.0;
	for (var q = 0; q < T; q++) {
		let s = T - 1 - q;
		let wo = (b * T + s) * W + j;
		let ro = (b * T + s) * G + j;
		var dhAcc = 0.0;
		var r = 0.0;
		var hPrev = 0.0;
		var daz = 0.0;
		if (live) {
			let z = ws[wo]; let hh = ws[wo + 2 * H];
			r = ws[wo + H];
			hPrev = ws[wo + 4 * H];
			let dh = dy[(b * T + s) * H + j] + dhRec;
			daz = dh * (hPrev - hh) * gateSlope(z);
			let dah = dh * (1.0 - z) * (1.0 - hh * hh);
			dhAcc = dh * z;
			result[ro] = daz; result[ro + 2 * H] = dah;
			dAh[j] = dah;
		}
		workgroupBarrier();
		if (live) {
			var drh = 0.0;
			for (var m = 0; m < H; m++) { drh += dAh[m] * rkt[(2 * H + m) * H + j]; }
			let dar = drh * hPrev * gateSlope(r);
			dhAcc += drh * r;
			result[ro + H] = dar;
			dAzr[j] = vec2<f32>(daz, dar);
		}
		workgroupBarrier();
		dhRec = dhAcc;
		if (live) {
			var acc = vec2<f32>(0.0);
			for (var k = 0; k < H; k++) { acc += dAzr[k] * rkzrt2[k * H + j]; }
			dhRec += acc.x + acc.y;
		}
		workgroupBarrier();
	}
}
`;
