/**
 * Runs the recurrence half of a fused RNN on whatever backend tfjs is using: the WGSL kernels on
 * 'webgpu' (tensors stay on the device), the f64 TypeScript twins elsewhere (CPU, WASM, WebGL),
 * which read the inputs back synchronously — fine on CPU backends, where data already lives in
 * JavaScript.
 */
import * as tf from '@tensorflow/tfjs';
import { isSoftwareAdapter } from '../backend';
import {
	gateCount,
	recurrenceBackward,
	recurrenceForward,
	recurrenceWorkgroupSize,
	workspaceLayout,
	type GateActivation,
	type RnnCell
} from '$lib/compute/rnn';
import {
	inputGradientsProgram,
	recurrenceProgram,
	recurrentGradientProgram,
	type RecurrenceDirection,
	type TfjsWebGpuProgram
} from './recurrence-program';

export interface RecurrenceOptions {
	reverse: boolean;
	gate: GateActivation;
}

/** The slice of tfjs-backend-webgpu's WebGPUBackend we call (public methods in its d.ts). */
interface WebGpuBackendLike {
	device: GPUDevice;
	/** tfjs' own record of the adapter (vendor and architecture strings). */
	adapterInfo?: { vendor?: string; architecture?: string };
	runWebGPUProgram(
		program: TfjsWebGpuProgram,
		inputs: tf.TensorInfo[],
		dtype: 'float32',
		uniforms: { type: 'int32'; data: number[] }[]
	): tf.TensorInfo;
}

function webGpuBackend(): WebGpuBackendLike | null {
	if (tf.getBackend() !== 'webgpu') return null;
	return tf.backend() as unknown as WebGpuBackendLike;
}

/** The layer weights in tfjs-layers' layout (see compute/rnn/rnn-layout.ts). */
export interface RnnWeights {
	kernel: tf.Tensor2D;
	recurrentKernel: tf.Tensor2D;
	bias: tf.Tensor1D;
}

/**
 * `x [B, T, D]` and the weights → workspace `[B, T, width]` (see compute/rnn/rnn-layout.ts). On
 * WebGPU one dispatch does the input projection and the recurrence; elsewhere the projection is a
 * tfjs matmul and the recurrence the f64 twin.
 */
export function runRecurrenceForward(
	cell: RnnCell,
	x: tf.Tensor3D,
	w: RnnWeights,
	opts: RecurrenceOptions
): tf.Tensor3D {
	const [B, T, D] = x.shape;
	const H = w.recurrentKernel.shape[0];
	const width = workspaceLayout(cell, H).width;
	const backend = webGpuBackend();
	if (backend) {
		// The weights regrouped for the kernels' vector loads (see `gateInterleaved`).
		const made = tf.tidy(() =>
			cell === 'lstm'
				? [
						gateInterleaved(w.kernel, 4),
						gateInterleaved(tf.reshape(w.bias, [1, -1]), 4),
						gateInterleaved(w.recurrentKernel, 4)
					]
				: [gateInterleaved(tf.slice(w.recurrentKernel, [0, 0], [H, 2 * H]), 2)]
		);
		const inputs =
			cell === 'lstm' ? [x, ...made] : [x, w.kernel, w.bias, w.recurrentKernel, ...made];
		try {
			return runProgram(backend, cell, 'forward', [B, T, width], inputs, H, opts);
		} finally {
			tf.dispose(made);
		}
	}
	const xw = tf.tidy(() =>
		tf.fused.matMul({ a: tf.reshape(x, [B * T, D]), b: w.kernel, bias: w.bias })
	);
	const xwData = xw.dataSync();
	xw.dispose();
	const ws = recurrenceForward(cell)(xwData, w.recurrentKernel.dataSync(), shapeOf(B, T, H, opts));
	return tf.tensor3d(Float32Array.from(ws), [B, T, width]);
}

/** `dy [B, T, H]`, workspace, `rk` → `dA [B, T, G·H]`, gate-preactivation gradients. */
export function runRecurrenceBackward(
	cell: RnnCell,
	dy: tf.Tensor3D,
	ws: tf.Tensor3D,
	rk: tf.Tensor2D,
	opts: RecurrenceOptions
): tf.Tensor3D {
	const [B, T, H] = dy.shape;
	const G = gateCount(cell) * H;
	const backend = webGpuBackend();
	if (backend) {
		// Transposed once per pass so the kernel's dh reduction reads it coalesced: for the LSTM
		// rkt4[k, j, q] = R[j, q·H + k] (vec4 over the gates); for the GRU Rᵀ and the z/r pairs
		// rkzrt2[k, j] = (R[j, k], R[j, H + k]).
		const made = tf.tidy(() =>
			cell === 'lstm'
				? [tf.transpose(tf.reshape(rk, [H, 4, H]), [2, 0, 1])]
				: [
						tf.transpose(rk),
						tf.transpose(tf.reshape(tf.slice(rk, [0, 0], [H, 2 * H]), [H, 2, H]), [2, 0, 1])
					]
		);
		try {
			return runProgram(backend, cell, 'backward', [B, T, G], [dy, ws, ...made], H, opts);
		} finally {
			tf.dispose(made);
		}
	}
	const dA = recurrenceBackward(cell)(
		dy.dataSync(),
		ws.dataSync(),
		rk.dataSync(),
		shapeOf(B, T, H, opts)
	);
	return tf.tensor3d(Float32Array.from(dA), [B, T, G]);
}

function runProgram(
	backend: WebGpuBackendLike,
	cell: RnnCell,
	direction: RecurrenceDirection,
	outputShape: [number, number, number],
	inputs: tf.Tensor[],
	units: number,
	opts: RecurrenceOptions
): tf.Tensor3D {
	// Fewer rows per workgroup when the shared gate gradients of more would not fit.
	let rows = recurrenceRows(backend);
	let wg = recurrenceWorkgroupSize(cell, units, backend.device.limits, rows);
	while (!wg.ok && rows > 1) {
		rows /= 2;
		wg = recurrenceWorkgroupSize(cell, units, backend.device.limits, rows);
	}
	if (!wg.ok) throw new RangeError(wg.message);
	const program = recurrenceProgram(cell, direction, outputShape, wg.size, rows);
	const info = backend.runWebGPUProgram(program, inputs, 'float32', [
		{ type: 'int32', data: [opts.reverse ? 1 : 0] },
		{ type: 'int32', data: [opts.gate === 'hardSigmoid' ? 1 : 0] }
	]);
	return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor3D;
}

/**
 * Batch rows per workgroup. On a software adapter (SwiftShader: the shader runs on CPU cores, so
 * loads, not parallelism, are the cost) the kernels take 8 rows, sharing each weight read: an LSTM
 * training step at B = T = H = 64 went from ~1.33 s (1 row) to ~1.0 s (4 rows), and 8 rows cut the
 * forward and backward recurrences by another ~20% at B = T = H = 64 and 128 (the backward pass
 * drops back to fewer rows where its shared gate gradients would overflow workgroup memory, see
 * `runProgram`). On a hardware GPU one row per workgroup keeps every batch row on its own compute
 * unit; that choice is not yet measured on one.
 */
export function recurrenceRows(backend: Pick<WebGpuBackendLike, 'adapterInfo'>): number {
	const info = backend.adapterInfo;
	const software = isSoftwareAdapter({
		vendor: info?.vendor ?? '',
		architecture: info?.architecture ?? '',
		description: ''
	});
	return software ? 8 : 1;
}

function shapeOf(batch: number, steps: number, units: number, opts: RecurrenceOptions) {
	return { batch, steps, units, reverse: opts.reverse, gate: opts.gate };
}

/**
 * `[R, gates·H]` (tfjs-layers' gate-major columns) → `[R, H, gates]`, so that element (r, j) is the
 * vec4 of unit j's gates — the layout the LSTM kernels read with one load.
 */
function gateInterleaved(w: tf.Tensor, gates: number): tf.Tensor3D {
	const [rows, cols] = w.shape;
	return tf.tidy(() => tf.transpose(tf.reshape(w, [rows, gates, cols / gates]), [0, 2, 1]));
}

export interface InputGradients {
	dx: tf.Tensor3D;
	dKernel: tf.Tensor2D;
	dBias: tf.Tensor1D;
}

/**
 * The gradients of the input projection from `dA [B, T, G]` (processing order): dx, dKernel and
 * dBias. On WebGPU two barrier-free kernels (compute/rnn/input-gradients-wgsl.ts); elsewhere the
 * same products as tfjs ops, which are the kernels' twin.
 */
export function inputGradients(
	x: tf.Tensor3D,
	dA: tf.Tensor3D,
	kernel: tf.Tensor2D,
	opts: Pick<RecurrenceOptions, 'reverse'>
): InputGradients {
	const [B, T, D] = x.shape;
	const G = dA.shape[2];
	const backend = webGpuBackend();
	const reverse = [{ type: 'int32' as const, data: [opts.reverse ? 1 : 0] }];
	if (backend) {
		const run = (kind: 'dx' | 'dweights', shape: number[], inputs: tf.Tensor[]) =>
			tf
				.engine()
				.makeTensorFromTensorInfo(
					backend.runWebGPUProgram(inputGradientsProgram(kind, shape), inputs, 'float32', reverse)
				);
		const dx = run('dx', [B, T, D], [dA, kernel]) as tf.Tensor3D;
		const dW = run('dweights', [D + 1, G], [x, dA]) as tf.Tensor2D;
		const [dKernel, dBias] = tf.tidy(() => [
			tf.slice(dW, [0, 0], [D, G]) as tf.Tensor2D,
			tf.reshape(tf.slice(dW, [D, 0], [1, G]), [G]) as tf.Tensor1D
		]);
		dW.dispose();
		return { dx, dKernel, dBias };
	}
	return tf.tidy(() => {
		// dA is in processing order; the input projection it feeds is in time order.
		const dXw = (opts.reverse ? tf.reverse(dA, 1) : dA).reshape([B * T, G]) as tf.Tensor2D;
		const x2 = tf.reshape(x, [B * T, D]) as tf.Tensor2D;
		return {
			dx: tf.matMul(dXw, kernel, false, true).reshape([B, T, D]) as tf.Tensor3D,
			dKernel: tf.matMul(x2, dXw, true, false) as tf.Tensor2D,
			dBias: tf.sum(dXw, 0) as tf.Tensor1D
		};
	});
}

/**
 * dR = Σ_{b,s} (what multiplied R at step s)ᵀ · dA_s: h_{s−1} for every LSTM gate and for the
 * GRU's z and r, r ⊙ h_{s−1} for the GRU candidate (reset before the matmul). `ws` is the forward
 * workspace, `dA [B, T, G]` the backward recurrence's output, both in processing order. On WebGPU
 * one barrier-free kernel reads both in place (compute/rnn/recurrent-gradient-wgsl.ts); elsewhere
 * the same product as tfjs ops, which are the kernel's twin.
 */
export function recurrentKernelGradient(
	cell: RnnCell,
	ws: tf.Tensor3D,
	dA: tf.Tensor3D,
	H: number
): tf.Tensor2D {
	const [B, T, G] = dA.shape;
	const backend = webGpuBackend();
	if (backend) {
		const info = backend.runWebGPUProgram(
			recurrentGradientProgram(cell, H, G),
			[ws, dA],
			'float32',
			[]
		);
		return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor2D;
	}
	return tf.tidy(() => {
		const layout = workspaceLayout(cell, H);
		const rows = (offset: number) =>
			tf.reshape(tf.slice(ws, [0, 0, offset], [B, T, H]), [B * T, H]) as tf.Tensor2D;
		const hPrev = rows(layout.hPrev);
		const dA2 = tf.reshape(dA, [B * T, G]) as tf.Tensor2D;
		if (cell === 'lstm') return tf.matMul(hPrev, dA2, true, false);
		const [dAzr, dAh] = tf.split(dA2, [2 * H, H], 1) as [tf.Tensor2D, tf.Tensor2D];
		return tf.concat2d(
			[
				tf.matMul(hPrev, dAzr, true, false) as tf.Tensor2D,
				tf.matMul(tf.mul(rows(H), hPrev) as tf.Tensor2D, dAh, true, false) as tf.Tensor2D
			],
			1
		);
	});
}
