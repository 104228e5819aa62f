/**
 * How many GPU dispatches and how many milliseconds a training step costs, for the run record.
 * Counts the programs tfjs-backend-webgpu issues (its `runWebGPUProgram`, which every WebGPU kernel
 * and our fused kernels go through); reshapes and other metadata-only ops dispatch nothing and are
 * not counted. On other backends `dispatches` is 0: there is no GPU command stream to count.
 */
import * as tf from '@tensorflow/tfjs';

export interface TrainingStepMeasure {
	/** GPU compute dispatches issued during the step (0 off WebGPU). */
	dispatches: number;
	/** Wall time of the step including waiting for the GPU queue to drain. */
	ms: number;
	/** The tfjs backend the step ran on. */
	backend: string;
}

interface CountableBackend {
	runWebGPUProgram?: (...args: unknown[]) => unknown;
	submitQueue?: () => void;
	/** Ends the compute pass tfjs keeps open across dispatches; must precede `submitQueue`. */
	endComputePassEncoder?: () => void;
	/** Non-null while commands are recorded but not yet submitted (tfjs-backend-webgpu 4.22). */
	commandEncoder?: GPUCommandEncoder | null;
	device?: GPUDevice;
}

/**
 * Runs `fn` once and measures it. Await-safe: `fn` may be async (e.g. `optimizer.minimize` followed
 * by `await loss.data()`). Not re-entrant: measure one step at a time.
 *
 * @example
 * const { dispatches, ms } = await measureTrainingStep(() => model.trainOnBatch(xs, ys));
 */
export async function measureTrainingStep(
	fn: () => unknown | Promise<unknown>
): Promise<TrainingStepMeasure> {
	const backend = tf.backend() as unknown as CountableBackend;
	const name = tf.getBackend();
	let dispatches = 0;
	const original = backend.runWebGPUProgram;
	const ownProperty = Object.prototype.hasOwnProperty.call(backend, 'runWebGPUProgram');
	if (original) {
		// An own property shadows the prototype method for the duration of the step only.
		backend.runWebGPUProgram = function (this: unknown, ...args: unknown[]) {
			dispatches++;
			return original.apply(this, args);
		};
	}
	const start = performance.now();
	try {
		await fn();
		if (backend.submitQueue && backend.device) {
			if (backend.commandEncoder) {
				// Submitting with the pass still open invalidates the whole command buffer (Dawn:
				// "Command buffer recording ended before [ComputePassEncoder] was ended"), which
				// silently drops the step's work when `fn` did not read anything back.
				backend.endComputePassEncoder?.();
				backend.submitQueue();
			}
			await backend.device.queue.onSubmittedWorkDone();
		}
	} finally {
		if (ownProperty) backend.runWebGPUProgram = original;
		else if (original) delete backend.runWebGPUProgram;
	}
	return { dispatches, ms: performance.now() - start, backend: name };
}
