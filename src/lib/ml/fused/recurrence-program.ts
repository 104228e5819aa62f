/**
 * The fused recurrence kernels as tfjs-backend-webgpu programs, so they read and write tfjs tensors
 * on the backend's own device (no copies) and join its command stream like any built-in kernel.
 * The WGSL lives in compute/rnn; this file only fills in tfjs' WebGPUProgram contract.
 */
import {
	gruBackwardWgsl,
	gruForwardWgsl,
	lstmBackwardWgsl,
	lstmForwardWgsl,
	type RnnCell
} from '$lib/compute/rnn';
import { RECURRENCE_UNIFORMS } from '$lib/compute/rnn/recurrence-wgsl-prelude';

/**
 * The fields of tfjs-backend-webgpu's `WebGPUProgram` (4.22, dist/webgpu_program.d.ts) that we set;
 * declared here because the package does not export the type from its entry point.
 */
export interface TfjsWebGpuProgram {
	outputShape: number[];
	shaderKey: string;
	dispatchLayout: { x: number[] };
	dispatch: [number, number, number];
	variableNames: string[];
	uniforms: string;
	workgroupSize: [number, number, number];
	getUserCode: () => string;
}

export type RecurrenceDirection = 'forward' | 'backward';

const WGSL = {
	lstm: { forward: lstmForwardWgsl, backward: lstmBackwardWgsl },
	gru: { forward: gruForwardWgsl, backward: gruBackwardWgsl }
} as const;

/**
 * One workgroup per batch row. `shaderKey` names only the kernel and the workgroup size: every
 * shape (B, T, H, workspace width) and both flags are uniforms, so tfjs' pipeline cache (keyed by
 * shaderKey plus tensor ranks and dtypes) compiles each kernel once per workgroup size.
 *
 * @example
 * backend.runWebGPUProgram(recurrenceProgram('lstm', 'forward', [B, T, 7 * H], 64), [xw, rk], 'float32',
 *   [{ type: 'int32', data: [0] }, { type: 'int32', data: [1] }]);
 */
export function recurrenceProgram(
	cell: RnnCell,
	direction: RecurrenceDirection,
	outputShape: [number, number, number],
	workgroupSize: number
): TfjsWebGpuProgram {
	return {
		outputShape,
		shaderKey: `axonFused_${cell}_${direction}_${workgroupSize}`,
		dispatchLayout: { x: [0, 1, 2] },
		dispatch: [outputShape[0], 1, 1],
		variableNames: direction === 'forward' ? ['xw', 'rk'] : ['dy', 'ws', 'rk'],
		uniforms: RECURRENCE_UNIFORMS,
		workgroupSize: [workgroupSize, 1, 1],
		getUserCode: () => WGSL[cell][direction](workgroupSize)
	};
}
