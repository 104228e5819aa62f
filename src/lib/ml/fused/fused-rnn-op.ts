/**
 * The fused LSTM/GRU as one differentiable tfjs op. On WebGPU: one dispatch for the input
 * projection and the whole recurrence, and a hand-written backward pass (one dispatch for
 * backpropagation through time, two for the input-side gradients, one for the recurrent
 * kernel's); a training step costs a few dozen dispatches instead of tfjs-layers' ~140 per
 * timestep. On other backends the projection and gradients are tfjs ops around the f64 twins.
 */
import * as tf from '@tensorflow/tfjs';
import { gateCount, workspaceLayout, type GateActivation, type RnnCell } from '$lib/compute/rnn';
import {
	inputGradients,
	recurrentKernelGradient,
	runRecurrenceBackward,
	runRecurrenceForward
} from './run-recurrence';

export interface FusedRnnOptions {
	/** tfjs `goBackwards`: read the input from the last step; outputs stay in processing order. */
	goBackwards?: boolean;
	/** The gate nonlinearity; tfjs-layers' default is 'hardSigmoid'. */
	recurrentActivation?: GateActivation;
}

/**
 * The h sequence `[B, T, H]` of an LSTM or GRU over `x [B, T, D]`, zero initial state, weights in
 * tfjs-layers' layout (`kernel [D, G·H]`, `recurrentKernel [H, G·H]`, `bias [G·H]`, gates LSTM
 * `ifco`, GRU `zrh`). Differentiable with respect to all four inputs.
 *
 * @example
 * const h = fusedRnn('lstm', x, kernel, recurrentKernel, bias, { recurrentActivation: 'sigmoid' });
 * const last = h.slice([0, T - 1, 0], [B, 1, H]).squeeze([1]); // returnSequences: false
 */
export function fusedRnn(
	cell: RnnCell,
	x: tf.Tensor3D,
	kernel: tf.Tensor2D,
	recurrentKernel: tf.Tensor2D,
	bias: tf.Tensor1D,
	opts: FusedRnnOptions = {}
): tf.Tensor3D {
	const [B, T] = x.shape;
	const H = recurrentKernel.shape[0];
	checkShapes(cell, x, kernel, recurrentKernel, bias);
	const rec = {
		reverse: opts.goBackwards ?? false,
		gate: opts.recurrentActivation ?? 'hardSigmoid'
	} as const;
	const layout = workspaceLayout(cell, H);

	const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
		const [xIn, kIn, rkIn, bIn] = args as [tf.Tensor3D, tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
		const save = args[4] as tf.GradSaveFunc;
		const ws = runRecurrenceForward(
			cell,
			xIn,
			{ kernel: kIn, recurrentKernel: rkIn, bias: bIn },
			rec
		);
		save([xIn, kIn, rkIn, ws]);
		const value = tf.slice(ws, [0, 0, layout.h], [B, T, H]) as tf.Tensor3D;
		const gradFunc = (dy: tf.Tensor3D, saved: tf.Tensor[]) => {
			const [xS, kS, rkS, wsS] = saved as [tf.Tensor3D, tf.Tensor2D, tf.Tensor2D, tf.Tensor3D];
			const dA = runRecurrenceBackward(cell, dy, wsS, rkS, rec);
			const g = inputGradients(xS, dA, kS, rec);
			return [g.dx, g.dKernel, recurrentKernelGradient(cell, wsS, dA, H), g.dBias];
		};
		return { value, gradFunc };
	});
	return op(x, kernel, recurrentKernel, bias) as tf.Tensor3D;
}

function checkShapes(
	cell: RnnCell,
	x: tf.Tensor,
	kernel: tf.Tensor,
	recurrentKernel: tf.Tensor,
	bias: tf.Tensor
): void {
	const H = recurrentKernel.shape[0];
	const G = gateCount(cell) * H;
	const ok =
		x.rank === 3 &&
		kernel.rank === 2 &&
		kernel.shape[0] === x.shape[2] &&
		kernel.shape[1] === G &&
		recurrentKernel.rank === 2 &&
		recurrentKernel.shape[1] === G &&
		bias.rank === 1 &&
		bias.shape[0] === G;
	if (!ok) {
		throw new RangeError(
			`fusedRnn('${cell}') expects x [B, T, D], kernel [D, ${gateCount(cell)}·H], recurrentKernel [H, ${gateCount(cell)}·H], bias [${gateCount(cell)}·H]; got x [${x.shape}], kernel [${kernel.shape}], recurrentKernel [${recurrentKernel.shape}], bias [${bias.shape}].`
		);
	}
}
