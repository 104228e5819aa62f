/**
 * f64 twin of the fused LSTM recurrence kernels (lstm-recurrence-wgsl.ts): the same loop, the same
 * saved workspace, in plain TypeScript. Reference: Hochreiter & Schmidhuber 1997 with the forget
 * gate of Gers et al. 2000, in the Keras/tfjs-layers formulation (no peepholes):
 *   i,f,o = σ(a_i,f,o), g = tanh(a_g), c_t = f·c_{t−1} + i·g, h_t = o·tanh(c_t),
 *   a = x_t·W + b + h_{t−1}·R.
 */
import { gateActivation, gateSlope } from './rnn-math';
import { timeAt, workspaceLayout, type RecurrenceShape } from './rnn-layout';

/**
 * `xw [B, T, 4H]` (input projections incl. bias, time order) and `rk [H, 4H]` → workspace
 * `[B, T, 7H]` in processing order (see `workspaceLayout`). Zero initial state, as tfjs-layers.
 */
export function lstmRecurrenceForward(
	xw: ArrayLike<number>,
	rk: ArrayLike<number>,
	shape: RecurrenceShape
): Float64Array {
	const { batch: B, steps: T, units: H, reverse, gate } = shape;
	const G = 4 * H;
	const L = workspaceLayout('lstm', H);
	const ws = new Float64Array(B * T * L.width);
	const h = new Float64Array(H);
	const c = new Float64Array(H);
	const a = new Float64Array(G);
	for (let b = 0; b < B; b++) {
		h.fill(0);
		c.fill(0);
		for (let s = 0; s < T; s++) {
			const xo = (b * T + timeAt(s, T, reverse)) * G;
			for (let m = 0; m < G; m++) a[m] = xw[xo + m];
			for (let k = 0; k < H; k++) {
				const hk = h[k];
				for (let m = 0; m < G; m++) a[m] += hk * rk[k * G + m];
			}
			const wo = (b * T + s) * L.width;
			for (let j = 0; j < H; j++) {
				const i = gateActivation(gate, a[j]);
				const f = gateActivation(gate, a[H + j]);
				const g = Math.tanh(a[2 * H + j]);
				const o = gateActivation(gate, a[3 * H + j]);
				c[j] = f * c[j] + i * g;
				ws[wo + j] = i;
				ws[wo + H + j] = f;
				ws[wo + 2 * H + j] = g;
				ws[wo + 3 * H + j] = o;
				ws[wo + L.c + j] = c[j];
				ws[wo + L.hPrev + j] = h[j];
				ws[wo + L.h + j] = o * Math.tanh(c[j]);
			}
			for (let j = 0; j < H; j++) h[j] = ws[wo + L.h + j];
		}
	}
	return ws;
}

/**
 * Backpropagation through time of the recurrence alone: `dy [B, T, H]` (gradient of the h sequence,
 * processing order) → `dA [B, T, 4H]`, the gradient of the gate preactivations, processing order.
 * Everything else (input, kernel, bias and recurrent-kernel gradients) is a matmul of `dA`.
 */
export function lstmRecurrenceBackward(
	dy: ArrayLike<number>,
	ws: ArrayLike<number>,
	rk: ArrayLike<number>,
	shape: RecurrenceShape
): Float64Array {
	const { batch: B, steps: T, units: H, gate } = shape;
	const G = 4 * H;
	const L = workspaceLayout('lstm', H);
	const dA = new Float64Array(B * T * G);
	const dhRec = new Float64Array(H);
	const dcNext = new Float64Array(H);
	for (let b = 0; b < B; b++) {
		dhRec.fill(0);
		dcNext.fill(0);
		for (let s = T - 1; s >= 0; s--) {
			const wo = (b * T + s) * L.width;
			const ao = (b * T + s) * G;
			for (let j = 0; j < H; j++) {
				const i = ws[wo + j];
				const f = ws[wo + H + j];
				const g = ws[wo + 2 * H + j];
				const o = ws[wo + 3 * H + j];
				const c = ws[wo + L.c + j];
				const cPrev = s > 0 ? ws[wo - L.width + L.c + j] : 0;
				const dh = dy[(b * T + s) * H + j] + dhRec[j];
				const tc = Math.tanh(c);
				const dc = dcNext[j] + dh * o * (1 - tc * tc);
				dA[ao + j] = dc * g * gateSlope(gate, i);
				dA[ao + H + j] = dc * cPrev * gateSlope(gate, f);
				dA[ao + 2 * H + j] = dc * i * (1 - g * g);
				dA[ao + 3 * H + j] = dh * tc * gateSlope(gate, o);
				dcNext[j] = dc * f;
			}
			for (let k = 0; k < H; k++) {
				let sum = 0;
				for (let m = 0; m < G; m++) sum += dA[ao + m] * rk[k * G + m];
				dhRec[k] = sum;
			}
		}
	}
	return dA;
}
