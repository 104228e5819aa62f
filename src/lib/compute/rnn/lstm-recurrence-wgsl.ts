/**
 * The fused LSTM recurrence as WGSL bodies for tfjs-backend-webgpu programs (see
 * ml/fused/recurrence-program.ts). One workgroup per batch row loops over all T steps with h in
 * workgroup memory and c in a register of the thread that owns the unit: one dispatch per sequence,
 * forward or backward. The f64 twin is lstm-recurrence-reference.ts; keep the two in step.
 */
import { RECURRENCE_WGSL_PRELUDE } from './recurrence-wgsl-prelude';

/**
 * Inputs `xw [B, T, 4H]`, `rk [H, 4H]`; output `result [B, T, 7H]` (the workspace, processing
 * order). Thread j computes the four gates of unit j: the 4 reads of `rk` per k are coalesced
 * across threads because unit j of gate q sits at column q·H + j.
 */
export const lstmForwardWgsl = (workgroupSize: number): string => /* wgsl */ `
${RECURRENCE_WGSL_PRELUDE}
var<workgroup> hShared: array<f32, ${workgroupSize}>;

fn main(index: i32) {
	let b = batchRow();
	let j = i32(localId.x);
	let T = uniforms.outShape.y;
	let W = uniforms.outShape.z;
	let H = uniforms.rkShape.x;
	let G = 4 * H;
	let live = b < uniforms.outShape.x && j < H;
	var c = 0.0;
	hShared[j] = 0.0;
	for (var s = 0; s < T; s++) {
		workgroupBarrier();
		let t = select(s, T - 1 - s, uniforms.reverse != 0);
		var ai = 0.0; var af = 0.0; var ag = 0.0; var ao = 0.0;
		if (live) {
			let xo = (b * T + t) * G + j;
			ai = xw[xo]; af = xw[xo + H]; ag = xw[xo + 2 * H]; ao = xw[xo + 3 * H];
			for (var k = 0; k < H; k++) {
				let hk = hShared[k];
				let ro = k * G + j;
				ai += hk * rk[ro]; af += hk * rk[ro + H]; ag += hk * rk[ro + 2 * H]; ao += hk * rk[ro + 3 * H];
			}
		}
		let hPrev = hShared[j];
		let i = gateAct(ai);
		let f = gateAct(af);
		let g = stableTanh(ag);
		let o = gateAct(ao);
		c = f * c + i * g;
		let h = o * stableTanh(c);
		if (live) {
			let wo = (b * T + s) * W + j;
			result[wo] = i; result[wo + H] = f; result[wo + 2 * H] = g; result[wo + 3 * H] = o;
			result[wo + 4 * H] = c; result[wo + 5 * H] = h; result[wo + 6 * H] = hPrev;
		}
		workgroupBarrier();
		hShared[j] = select(0.0, h, live);
	}
}
`;

/**
 * Inputs `dy [B, T, H]`, `ws [B, T, 7H]`, `rk [H, 4H]`; output `result [B, T, 4H]`: gradients of
 * the gate preactivations, processing order. Step by step from T−1 down: thread j turns dh_j and its
 * private dc_j into the 4 gate gradients of unit j, shares them, then forms
 * dh_{t−1}[j] = Σ_m dA[m]·R[j, m] for the next (earlier) step.
 */
export const lstmBackwardWgsl = (workgroupSize: number): string => /* wgsl */ `
${RECURRENCE_WGSL_PRELUDE}
var<workgroup> dAShared: array<f32, ${4 * workgroupSize}>;

fn main(index: i32) {
	let b = batchRow();
	let j = i32(localId.x);
	let T = uniforms.outShape.y;
	let H = uniforms.rkShape.x;
	let G = 4 * H;
	let W = uniforms.wsShape.z;
	let live = b < uniforms.outShape.x && j < H;
	var dhRec = 0.0;
	var dcNext = 0.0;
	for (var q = 0; q < T; q++) {
		let s = T - 1 - q;
		if (live) {
			let wo = (b * T + s) * W + j;
			let i = ws[wo]; let f = ws[wo + H]; let g = ws[wo + 2 * H]; let o = ws[wo + 3 * H];
			let c = ws[wo + 4 * H];
			var cPrev = 0.0;
			if (s > 0) { cPrev = ws[wo - W + 4 * H]; }
			let dh = dy[(b * T + s) * H + j] + dhRec;
			let tc = stableTanh(c);
			let dc = dcNext + dh * o * (1.0 - tc * tc);
			let dai = dc * g * gateSlope(i);
			let daf = dc * cPrev * gateSlope(f);
			let dag = dc * i * (1.0 - g * g);
			let dao = dh * tc * gateSlope(o);
			dcNext = dc * f;
			let ro = (b * T + s) * G + j;
			result[ro] = dai; result[ro + H] = daf; result[ro + 2 * H] = dag; result[ro + 3 * H] = dao;
			dAShared[j] = dai; dAShared[j + H] = daf; dAShared[j + 2 * H] = dag; dAShared[j + 3 * H] = dao;
		}
		workgroupBarrier();
		dhRec = 0.0;
		if (live) {
			let ro = j * G;
			for (var m = 0; m < G; m++) { dhRec += dAShared[m] * rk[ro + m]; }
		}
		workgroupBarrier();
	}
}
`;
