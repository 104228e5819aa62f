/**
 * The whole fused RNN layer in f64: input projection, recurrence, and every gradient. This is the
 * reference the GPU op and the tfjs fallback are held to, and it is itself checked against central
 * finite differences (rnn-sequence-reference.spec.ts).
 */
import { gruRecurrenceBackward, gruRecurrenceForward } from './gru-recurrence-reference';
import { lstmRecurrenceBackward, lstmRecurrenceForward } from './lstm-recurrence-reference';
import {
	gateCount,
	timeAt,
	workspaceLayout,
	type RecurrenceShape,
	type RnnCell
} from './rnn-layout';

export interface RnnWeights {
	/** `[D, G·H]` row-major. */
	kernel: ArrayLike<number>;
	/** `[H, G·H]` row-major. */
	recurrentKernel: ArrayLike<number>;
	/** `[G·H]`. */
	bias: ArrayLike<number>;
}

export interface RnnSequenceShape extends RecurrenceShape {
	inputSize: number;
}

export interface RnnGradients {
	dx: Float64Array;
	dKernel: Float64Array;
	dRecurrentKernel: Float64Array;
	dBias: Float64Array;
}

export const recurrenceForward = (cell: RnnCell) =>
	cell === 'lstm' ? lstmRecurrenceForward : gruRecurrenceForward;
export const recurrenceBackward = (cell: RnnCell) =>
	cell === 'lstm' ? lstmRecurrenceBackward : gruRecurrenceBackward;

/** `x [B, T, D]` → input projections `x·W + b`, `[B, T, G·H]` in time order. */
export function inputProjection(
	cell: RnnCell,
	x: ArrayLike<number>,
	w: RnnWeights,
	shape: RnnSequenceShape
): Float64Array {
	const { batch: B, steps: T, inputSize: D, units: H } = shape;
	const G = gateCount(cell) * H;
	const xw = new Float64Array(B * T * G);
	for (let r = 0; r < B * T; r++)
		for (let m = 0; m < G; m++) {
			let sum = w.bias[m];
			for (let d = 0; d < D; d++) sum += x[r * D + d] * w.kernel[d * G + m];
			xw[r * G + m] = sum;
		}
	return xw;
}

/** The h sequence `[B, T, H]` in processing order (what tfjs returns with `returnSequences`). */
export function rnnSequenceForward(
	cell: RnnCell,
	x: ArrayLike<number>,
	w: RnnWeights,
	shape: RnnSequenceShape
): { h: Float64Array; workspace: Float64Array } {
	const xw = inputProjection(cell, x, w, shape);
	const workspace = recurrenceForward(cell)(xw, w.recurrentKernel, shape);
	return { h: sliceBlock(workspace, shape, workspaceLayout(cell, shape.units).h), workspace };
}

/** Gradients of `Σ dy ⊙ h` with respect to the input and every weight. */
export function rnnSequenceGradients(
	cell: RnnCell,
	x: ArrayLike<number>,
	w: RnnWeights,
	dy: ArrayLike<number>,
	shape: RnnSequenceShape
): RnnGradients {
	const { batch: B, steps: T, inputSize: D, units: H, reverse } = shape;
	const G = gateCount(cell) * H;
	const { workspace } = rnnSequenceForward(cell, x, w, shape);
	const dA = recurrenceBackward(cell)(dy, workspace, w.recurrentKernel, shape);
	const { hPrev: hPrevOffset, width } = workspaceLayout(cell, H);
	const hPrev = sliceBlock(workspace, shape, hPrevOffset);
	const dx = new Float64Array(B * T * D);
	const dKernel = new Float64Array(D * G);
	const dRecurrentKernel = new Float64Array(H * G);
	const dBias = new Float64Array(G);
	for (let b = 0; b < B; b++)
		for (let s = 0; s < T; s++) {
			const ao = (b * T + s) * G;
			// dA is in processing order; the input row it belongs to is at time timeAt(s).
			const xo = (b * T + timeAt(s, T, reverse)) * D;
			const ho = (b * T + s) * H;
			const wo = (b * T + s) * width;
			for (let m = 0; m < G; m++) {
				const g = dA[ao + m];
				dBias[m] += g;
				for (let d = 0; d < D; d++) {
					dx[xo + d] += g * w.kernel[d * G + m];
					dKernel[d * G + m] += x[xo + d] * g;
				}
				// The GRU candidate sees r ⊙ h_{t−1}, not h_{t−1} (reset before the matmul).
				const resetScaled = cell === 'gru' && m >= 2 * H;
				for (let k = 0; k < H; k++) {
					const left = resetScaled ? hPrev[ho + k] * workspace[wo + H + k] : hPrev[ho + k];
					dRecurrentKernel[k * G + m] += left * g;
				}
			}
		}
	return { dx, dKernel, dRecurrentKernel, dBias };
}

function sliceBlock(ws: Float64Array, shape: RecurrenceShape, offset: number): Float64Array {
	const { batch: B, steps: T, units: H } = shape;
	const width = ws.length / (B * T);
	const out = new Float64Array(B * T * H);
	for (let r = 0; r < B * T; r++)
		for (let j = 0; j < H; j++) out[r * H + j] = ws[r * width + offset + j];
	return out;
}
