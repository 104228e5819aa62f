/**
 * f64 twin of the fused GRU recurrence kernels (gru-recurrence-wgsl.ts). Reference: Cho et al. 2014
 * in the Keras/tfjs-layers formulation with the reset gate before the recurrent matmul
 * (`reset_after=false`):
 *   z = σ(x·W_z + b_z + h·R_z), r = σ(x·W_r + b_r + h·R_r), ĥ = tanh(x·W_h + b_h + (r⊙h)·R_h),
 *   h' = z⊙h + (1 − z)⊙ĥ.
 */
import { gateActivation, gateSlope } from './rnn-math';
import { timeAt, workspaceLayout, type RecurrenceShape } from './rnn-layout';

/** `xw [B, T, 3H]`, `rk [H, 3H]` → workspace `[B, T, 5H]` (processing order). */
export function gruRecurrenceForward(
	xw: ArrayLike<number>,
	rk: ArrayLike<number>,
	shape: RecurrenceShape
): Float64Array {
	const { batch: B, steps: T, units: H, reverse, gate } = shape;
	const G = 3 * H;
	const L = workspaceLayout('gru', H);
	const ws = new Float64Array(B * T * L.width);
	const h = new Float64Array(H);
	const rh = new Float64Array(H);
	const a = new Float64Array(G);
	for (let b = 0; b < B; b++) {
		h.fill(0);
		for (let s = 0; s < T; s++) {
			const xo = (b * T + timeAt(s, T, reverse)) * G;
			const wo = (b * T + s) * L.width;
			for (let m = 0; m < G; m++) a[m] = xw[xo + m];
			for (let k = 0; k < H; k++) for (let m = 0; m < 2 * H; m++) a[m] += h[k] * rk[k * G + m];
			for (let j = 0; j < H; j++) {
				ws[wo + j] = gateActivation(gate, a[j]);
				ws[wo + H + j] = gateActivation(gate, a[H + j]);
				rh[j] = ws[wo + H + j] * h[j];
			}
			for (let k = 0; k < H; k++)
				for (let j = 0; j < H; j++) a[2 * H + j] += rh[k] * rk[k * G + 2 * H + j];
			for (let j = 0; j < H; j++) {
				const z = ws[wo + j];
				const hh = Math.tanh(a[2 * H + j]);
				ws[wo + 2 * H + j] = hh;
				ws[wo + L.hPrev + j] = h[j];
				ws[wo + L.h + j] = z * h[j] + (1 - z) * hh;
			}
			for (let j = 0; j < H; j++) h[j] = ws[wo + L.h + j];
		}
	}
	return ws;
}

/** `dy [B, T, H]` → `dA [B, T, 3H]`, gate-preactivation gradients (processing order). */
export function gruRecurrenceBackward(
	dy: ArrayLike<number>,
	ws: ArrayLike<number>,
	rk: ArrayLike<number>,
	shape: RecurrenceShape
): Float64Array {
	const { batch: B, steps: T, units: H, gate } = shape;
	const G = 3 * H;
	const L = workspaceLayout('gru', H);
	const dA = new Float64Array(B * T * G);
	const dhRec = new Float64Array(H);
	const dhAcc = new Float64Array(H);
	for (let b = 0; b < B; b++) {
		dhRec.fill(0);
		for (let s = T - 1; s >= 0; s--) {
			const wo = (b * T + s) * L.width;
			const ao = (b * T + s) * G;
			for (let j = 0; j < H; j++) {
				const z = ws[wo + j];
				const hh = ws[wo + 2 * H + j];
				const hPrev = ws[wo + L.hPrev + j];
				const dh = dy[(b * T + s) * H + j] + dhRec[j];
				dA[ao + j] = dh * (hPrev - hh) * gateSlope(gate, z);
				dA[ao + 2 * H + j] = dh * (1 - z) * (1 - hh * hh);
				dhAcc[j] = dh * z;
			}
			for (let k = 0; k < H; k++) {
				let drh = 0;
				for (let j = 0; j < H; j++) drh += dA[ao + 2 * H + j] * rk[k * G + 2 * H + j];
				const r = ws[wo + H + k];
				const hPrev = ws[wo + L.hPrev + k];
				dA[ao + H + k] = drh * hPrev * gateSlope(gate, r);
				dhAcc[k] += drh * r;
			}
			for (let k = 0; k < H; k++) {
				let sum = dhAcc[k];
				for (let m = 0; m < 2 * H; m++) sum += dA[ao + m] * rk[k * G + m];
				dhRec[k] = sum;
			}
		}
	}
	return dA;
}
