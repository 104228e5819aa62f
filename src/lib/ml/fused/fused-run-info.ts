/**
 * What a training run record carries about the fused kernels: which ones the model uses, on which
 * backend, and what a training step cost. Pure: built from the model's layers and the measures of
 * `measureTrainingStep`; the training engine stores it.
 *
 * How to fill it around training steps (one step is enough; several give a median):
 * ```ts
 * const measures: TrainingStepMeasure[] = [];
 * for (let i = 0; i < 3; i++)
 *   measures.push(await measureTrainingStep(() => model.trainOnBatch(xs, ys)));
 * record.fused = fusedRunInfo(model, measures.slice(1)); // drop the first: it compiles pipelines
 * ```
 * Measure steps of the real run (same batch size and sequence length); `measureTrainingStep` drains
 * the GPU queue after each step, so do it on a few steps only, not every step.
 */
import type * as tf from '@tensorflow/tfjs';
import type { TrainingStepMeasure } from './measure-training-step';

export type FusedKernel = 'fused-lstm' | 'fused-gru' | 'fused-retention' | 'min-gru-scan';

export interface FusedRunInfo {
	/** The tfjs backend the measured steps ran on ('webgpu', 'cpu', …). */
	backend: string;
	/**
	 * Fused kernels in the model, in layer order without repeats. On WebGPU they are our WGSL
	 * kernels; elsewhere the same layers run their CPU twins (retention: stock tfjs ops).
	 */
	kernels: FusedKernel[];
	/** GPU dispatches of one training step (median; 0 off WebGPU). */
	dispatchesPerStep: number;
	/** Wall time of one training step, GPU queue drained (median). */
	msPerStep: number;
}

const KERNEL_OF: Record<string, FusedKernel> = {
	FusedLSTM: 'fused-lstm',
	FusedGRU: 'fused-gru',
	FusedRetention: 'fused-retention',
	MinGRU: 'min-gru-scan'
};

/** Layers of a model, descending into nested models (a Sequential inside a functional one). */
function allLayers(layers: readonly tf.layers.Layer[]): tf.layers.Layer[] {
	return layers.flatMap((l) => {
		const nested = (l as unknown as { layers?: tf.layers.Layer[] }).layers;
		return Array.isArray(nested) ? [l, ...allLayers(nested)] : [l];
	});
}

/**
 * @example
 * const info = fusedRunInfo(model, [await measureTrainingStep(() => model.trainOnBatch(xs, ys))]);
 * // { backend: 'webgpu', kernels: ['fused-lstm'], dispatchesPerStep: 31, msPerStep: 4.2 }
 */
export function fusedRunInfo(
	model: { layers: readonly tf.layers.Layer[] },
	measures: TrainingStepMeasure | readonly TrainingStepMeasure[]
): FusedRunInfo {
	const list = Array.isArray(measures) ? measures : [measures as TrainingStepMeasure];
	if (list.length === 0) throw new RangeError('fusedRunInfo needs at least one measured step.');
	const kernels: FusedKernel[] = [];
	for (const layer of allLayers(model.layers)) {
		const name = (layer.constructor as { className?: string }).className ?? '';
		const kernel = KERNEL_OF[name];
		if (kernel && !kernels.includes(kernel)) kernels.push(kernel);
	}
	const median = (xs: number[]) => {
		const s = [...xs].sort((a, b) => a - b);
		const mid = s.length >> 1;
		return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
	};
	return {
		backend: list[list.length - 1].backend,
		kernels,
		dispatchesPerStep: median(list.map((m) => m.dispatches)),
		msPerStep: median(list.map((m) => m.ms))
	};
}
