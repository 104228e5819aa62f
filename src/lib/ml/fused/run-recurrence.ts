/**
 * Runs the recurrence half of a fused RNN on whatever backend tfjs is using: the WGSL kernels on
 * 'webgpu' (tensors stay on the device), the f64 TypeScript twins elsewhere (CPU, WASM, WebGL),
 * which read the inputs back synchronously — fine on CPU backends, where data already lives in
 * JavaScript.
 */
import * as tf from '@tensorflow/tfjs';
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
	recurrenceProgram,
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

/** `xw [B, T, G·H]`, `rk [H, G·H]` → workspace `[B, T, width]` (see compute/rnn/rnn-layout.ts). */
export function runRecurrenceForward(
	cell: RnnCell,
	xw: tf.Tensor3D,
	rk: tf.Tensor2D,
	opts: RecurrenceOptions
): tf.Tensor3D {
	const [B, T] = xw.shape;
	const H = rk.shape[0];
	const width = workspaceLayout(cell, H).width;
	const backend = webGpuBackend();
	if (backend) return runProgram(backend, cell, 'forward', [B, T, width], [xw, rk], opts);
	const ws = recurrenceForward(cell)(xw.dataSync(), rk.dataSync(), shapeOf(B, T, H, opts));
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
	if (backend) return runProgram(backend, cell, 'backward', [B, T, G], [dy, ws, rk], opts);
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
	opts: RecurrenceOptions
): tf.Tensor3D {
	const units = inputs[inputs.length - 1].shape[0];
	const wg = recurrenceWorkgroupSize(cell, units, backend.device.limits);
	if (!wg.ok) throw new RangeError(wg.message);
	const program = recurrenceProgram(cell, direction, outputShape, wg.size);
	const info = backend.runWebGPUProgram(program, inputs, 'float32', [
		{ type: 'int32', data: [opts.reverse ? 1 : 0] },
		{ type: 'int32', data: [opts.gate === 'hardSigmoid' ? 1 : 0] }
	]);
	return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor3D;
}

function shapeOf(batch: number, steps: number, units: number, opts: RecurrenceOptions) {
	return { batch, steps, units, reverse: opts.reverse, gate: opts.gate };
}
