/**
 * The run record's kernel line: when a model contains fused layers (zoo rnn blocks with
 * `fused: true`, FusedRetention, MinGRU), measure a training step of it on the active backend.
 * The measured step computes the loss and its gradients and applies nothing, so the weights and the
 * seeded run that follows are unchanged (the run stays bit-identical with or without this).
 */
import * as tf from '@tensorflow/tfjs';
import { fusedRunInfo, measureTrainingStep, type FusedRunInfo } from '$lib/ml/fused';
import { firstOutput, gatherRows, type TrainingData } from './training-data';

/**
 * Null for a model without fused layers; else the kernels it uses and the cost of one step
 * (dispatches and wall time, GPU queue drained), measured on the first `batchSize` training rows
 * after one warm-up step (pipeline compilation is not the steady state).
 *
 * @example
 * const kernels = await fusedStepInfo(model, data, 64); // { kernels: ['fused-lstm'], dispatchesPerStep: 31, … }
 */
export async function fusedStepInfo(
	model: tf.LayersModel,
	data: TrainingData,
	batchSize: number
): Promise<FusedRunInfo | null> {
	const step = () => {
		const rows = Int32Array.from({ length: Math.min(batchSize, data.trainSamples) }, (_, i) => i);
		const [xb, yb] = gatherRows(data, rows);
		const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
		try {
			const { value, grads } = tf.variableGrads(() => {
				const out = firstOutput(model.apply(xb, { training: true }) as tf.Tensor | tf.Tensor[]);
				return tf.mean(tf.square(tf.sub(out, yb))) as tf.Scalar;
			}, vars);
			tf.dispose([value, grads]);
		} finally {
			tf.dispose([xb, yb]);
		}
	};
	const probe = fusedRunInfo(model, { dispatches: 0, ms: 0, backend: tf.getBackend() });
	if (probe.kernels.length === 0) return null;
	await measureTrainingStep(step);
	return fusedRunInfo(model, await measureTrainingStep(step));
}
