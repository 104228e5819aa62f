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
import {
	inputGradientThreads,
	inputGradientWgsl,
	weightGradientThreads,
	weightGradientWgsl
} from '$lib/compute/rnn/input-gradients-wgsl';
import {
	recurrentGradientThreads,
	recurrentGradientWgsl
} from '$lib/compute/rnn/recurrent-gradient-wgsl';
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
	/** Components per input element (4 = the input is read as `array<vec4<f32>>`); default 1. */
	variableComponents?: number[];
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
 * The inputs each kernel binds, in order, with their vec width: the LSTM reads its weights as vec4
 * over the four gates (see `gateInterleaved` in run-recurrence.ts); the GRU reads its z and r
 * recurrent columns as vec2 and the candidate's as scalars (a vec3 array would be padded to 16
 * bytes per element). On SwiftShader the vector loads halved the recurrence kernels' time.
 */
export const RECURRENCE_INPUTS = {
	lstm: {
		forward: { names: ['xin', 'wk4', 'wb4', 'rk4'], components: [1, 4, 4, 4] },
		backward: { names: ['dy', 'ws', 'rkt4'], components: [1, 1, 4] }
	},
	gru: {
		forward: { names: ['xin', 'wk', 'wb', 'rk', 'rkzr2'], components: [1, 1, 1, 1, 2] },
		backward: { names: ['dy', 'ws', 'rkt', 'rkzrt2'], components: [1, 1, 1, 2] }
	}
} as const;

/**
 * One workgroup per `rows` batch rows (the kernels share each weight read between them). `shaderKey` names only the kernel, the workgroup size and rows: every
 * shape (B, T, H, workspace width) and both flags are uniforms, so tfjs' pipeline cache (keyed by
 * shaderKey plus tensor ranks and dtypes) compiles each kernel once per workgroup size.
 *
 * @example
 * backend.runWebGPUProgram(recurrenceProgram('lstm', 'forward', [B, T, 7 * H], 64), [x, kernel, bias, rk], 'float32',
 *   [{ type: 'int32', data: [0] }, { type: 'int32', data: [1] }]);
 */
export function recurrenceProgram(
	cell: RnnCell,
	direction: RecurrenceDirection,
	outputShape: [number, number, number],
	workgroupSize: number,
	rows = 1
): TfjsWebGpuProgram {
	return {
		outputShape,
		shaderKey: `axonFused_${cell}_${direction}_${workgroupSize}x${rows}`,
		dispatchLayout: { x: [0, 1, 2] },
		dispatch: [Math.ceil(outputShape[0] / rows), 1, 1],
		variableNames: [...RECURRENCE_INPUTS[cell][direction].names],
		variableComponents: [...RECURRENCE_INPUTS[cell][direction].components],
		uniforms: RECURRENCE_UNIFORMS,
		workgroupSize: [workgroupSize, 1, 1],
		getUserCode: () => WGSL[cell][direction](workgroupSize, rows)
	};
}

const FLAT_WORKGROUP = 64;

/**
 * A flat program for the input-side gradient kernels (compute/rnn/input-gradients-wgsl.ts), one
 * thread per register tile of outputs. Long dispatches are folded into 2-D, which tfjs'
 * `getGlobalIndex` unfolds; shapes are uniforms, so one pipeline per kernel serves every shape.
 *
 * @example
 * backend.runWebGPUProgram(inputGradientsProgram('dx', [B, T, D]), [dA, kernel], 'float32', [reverse]);
 */
export function inputGradientsProgram(
	kind: 'dx' | 'dweights',
	outputShape: number[]
): TfjsWebGpuProgram {
	const threads =
		kind === 'dx'
			? inputGradientThreads(outputShape[0] * outputShape[1], outputShape[2])
			: weightGradientThreads(outputShape[0] - 1, outputShape[1]);
	return {
		outputShape,
		shaderKey: `axonFused_${kind}`,
		dispatchLayout: { x: outputShape.map((_, i) => i) },
		dispatch: flatDispatch(threads),
		variableNames: kind === 'dx' ? ['da', 'wk'] : ['xin', 'da'],
		uniforms: 'reverse : i32,',
		workgroupSize: [FLAT_WORKGROUP, 1, 1],
		getUserCode: kind === 'dx' ? inputGradientWgsl : weightGradientWgsl
	};
}

/** Workgroups for `threads` flat threads, folded into 2-D past the 65,535 limit of one dimension. */
function flatDispatch(threads: number): [number, number, number] {
	const groups = Math.ceil(threads / FLAT_WORKGROUP);
	return [Math.min(groups, 65535), Math.ceil(groups / 65535), 1];
}

/**
 * The recurrent-kernel gradient kernel (compute/rnn/recurrent-gradient-wgsl.ts): one thread per
 * register tile of `dR [H, G]`, flat dispatch. Inputs `ws [B, T, width]`, `da [B, T, G]`.
 *
 * @example
 * backend.runWebGPUProgram(recurrentGradientProgram('lstm', H, 4 * H), [ws, dA], 'float32', []);
 */
export function recurrentGradientProgram(cell: RnnCell, H: number, G: number): TfjsWebGpuProgram {
	const threads = recurrentGradientThreads(H, G);
	return {
		outputShape: [H, G],
		shaderKey: `axonFused_${cell}_recurrentGradient`,
		dispatchLayout: { x: [0, 1] },
		dispatch: flatDispatch(threads),
		variableNames: ['ws', 'da'],
		uniforms: '',
		workgroupSize: [FLAT_WORKGROUP, 1, 1],
		getUserCode: () => recurrentGradientWgsl(cell)
	};
}
