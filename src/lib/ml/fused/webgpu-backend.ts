/**
 * The slice of tfjs-backend-webgpu's WebGPUBackend the fused sequence ops call (public methods in
 * its d.ts, not exported by name from the package entry point), and a helper that runs one of our
 * programs and wraps the result as a tensor.
 */
import * as tf from '@tensorflow/tfjs';
import type { TfjsWebGpuProgram } from './recurrence-program';

export interface WebGpuBackendLike {
	device: GPUDevice;
	runWebGPUProgram(
		program: TfjsWebGpuProgram,
		inputs: tf.TensorInfo[],
		dtype: 'float32',
		uniforms: { type: 'int32'; data: number[] }[]
	): tf.TensorInfo;
}

/** The active backend when it is tfjs' WebGPU backend, else null (the caller falls back). */
export function webGpuBackend(): WebGpuBackendLike | null {
	if (tf.getBackend() !== 'webgpu') return null;
	return tf.backend() as unknown as WebGpuBackendLike;
}

/** Runs `program` on `inputs` with int32 uniforms (in the order the program declares them). */
export function runTfjsProgram<R extends tf.Rank>(
	backend: WebGpuBackendLike,
	program: TfjsWebGpuProgram,
	inputs: tf.Tensor[],
	uniforms: number[]
): tf.Tensor<R> {
	const info = backend.runWebGPUProgram(
		program,
		inputs,
		'float32',
		uniforms.map((u) => ({ type: 'int32', data: [u] }))
	);
	return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor<R>;
}
