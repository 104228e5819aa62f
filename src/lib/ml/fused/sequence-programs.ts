/**
 * The retention and linear-scan kernels as tfjs-backend-webgpu programs (WGSL in compute/rnn). Shapes
 * are uniforms (tfjs' own per-input shape fields plus ours), so `shaderKey` names only the kernel and
 * workgroup size: one pipeline per kernel serves every shape.
 */
import {
	RETENTION_TFJS_UNIFORMS,
	retentionOutputTfjsWgsl,
	retentionStatesTfjsWgsl,
	retentionStepTfjsWgsl
} from '$lib/compute/rnn/retention';
import { SCAN_TFJS_UNIFORMS, linearScanTfjsWgsl } from '$lib/compute/rnn/scan';
import type { TfjsWebGpuProgram } from './recurrence-program';

/** Threads per workgroup of the one-thread-per-output retention kernels. */
const FLAT_WG = 64;

export type RetentionKernel = 'states' | 'output' | 'step';

const RETENTION = {
	states: { inputs: ['k', 'v', 'gamma'], code: retentionStatesTfjsWgsl },
	output: { inputs: ['q', 'k', 'v', 'gamma', 'states'], code: retentionOutputTfjsWgsl },
	step: { inputs: ['state', 'q', 'k', 'v', 'gamma'], code: retentionStepTfjsWgsl }
} as const;

/**
 * A retention program writing `outputShape` with `threads` threads (one per state entry, output
 * entry or state column). Uniforms, in order: heads, chunk, reverse.
 *
 * @example
 * runTfjsProgram(backend, retentionProgram('states', [R, chunks, dk * dv], R * dk * dv), [k, v, gamma], [heads, 32, 0]);
 */
export function retentionProgram(
	kernel: RetentionKernel,
	outputShape: [number, number, number],
	threads: number
): TfjsWebGpuProgram {
	return {
		outputShape,
		shaderKey: `axonRetention_${kernel}_${FLAT_WG}`,
		dispatchLayout: { x: [0, 1, 2] },
		// tfjs folds a dispatch over the per-dimension limit into 2-D/3-D (reshapeDispatch).
		dispatch: [Math.max(1, Math.ceil(threads / FLAT_WG)), 1, 1],
		variableNames: [...RETENTION[kernel].inputs],
		uniforms: RETENTION_TFJS_UNIFORMS,
		workgroupSize: [FLAT_WG, 1, 1],
		getUserCode: RETENTION[kernel].code
	};
}

/**
 * Threads per scan workgroup: the next power of two ≥ T in [32, 256] (256 is WebGPU's default
 * invocation limit); longer sequences walk tiles of that size.
 */
export function scanWorkgroupSize(steps: number): number {
	let w = 32;
	while (w < steps && w < 256) w *= 2;
	return w;
}

/** One workgroup per (batch, channel) sequence of `a, b [B, T, C]`. Uniform: reverse. */
export function linearScanProgram(outputShape: [number, number, number]): TfjsWebGpuProgram {
	const [B, T, C] = outputShape;
	const W = scanWorkgroupSize(T);
	return {
		outputShape,
		shaderKey: `axonLinearScan_${W}`,
		dispatchLayout: { x: [0, 1, 2] },
		dispatch: [B * C, 1, 1],
		variableNames: ['a', 'b'],
		uniforms: SCAN_TFJS_UNIFORMS,
		workgroupSize: [W, 1, 1],
		getUserCode: () => linearScanTfjsWgsl(W)
	};
}
