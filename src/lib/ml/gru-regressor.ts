/**
 * The sequence regressor: one recurrent layer (GRU or LSTM) reading a window of feature vectors,
 * then a linear dense unit predicting the next value. Weights are a pure function of `seed`.
 */
import * as tf from '@tensorflow/tfjs';
import { CounterRng } from '$lib/core/random/philox';
import { recurrentLayer } from '$lib/ml/fused';

export interface SequenceModelSpec {
	model_type: 'gru' | 'lstm';
	/** Timesteps per sample. */
	window: number;
	/** Features per timestep. */
	nFeatures: number;
	/** Hidden units of the recurrent layer. */
	units: number;
	/** Any u32; 0 is fine (see `initSeed`). */
	seed: number;
	/**
	 * Use AXON's fused recurrence (`FusedGRU`/`FusedLSTM`: one dispatch per sequence on WebGPU, the
	 * CPU twin elsewhere) instead of tfjs-layers' cell; same weights, same initial values.
	 */
	fused?: boolean;
}

/** Philox stream ids, one per initialiser, so the layers never share random numbers. */
const STREAM = { rnnKernel: 1, rnnRecurrent: 2, denseKernel: 3 } as const;

/**
 * Builds the model for `spec` with deterministic weights: the same spec gives bit-identical initial
 * weights on every backend (tfjs draws initialiser values in JavaScript; only the orthogonal
 * initialiser's QR step runs on the backend, so WebGPU may differ from CPU in the last bits).
 *
 * Parameter count (Keras convention, tfjs has no GRU `reset_after`):
 * GRU `3·(u·(f+u) + u)`, LSTM `4·(u·(f+u) + u)`, plus `u + 1` for the dense head.
 *
 * @example
 * const model = buildSequenceModel({ model_type: 'gru', window: 32, nFeatures: 4, units: 16, seed: 7 });
 * model.countParams(); // 3 * (16 * 20 + 16) + 17 = 1025
 */
export function buildSequenceModel(spec: SequenceModelSpec): tf.LayersModel {
	for (const key of ['window', 'nFeatures', 'units'] as const) {
		if (!Number.isInteger(spec[key]) || spec[key] < 1) {
			throw new RangeError(`${key} must be a positive integer, got ${spec[key]}`);
		}
	}
	if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > 0xffffffff) {
		throw new RangeError(`seed must be an integer in [0, 2^32), got ${spec.seed}`);
	}
	if (spec.model_type !== 'gru' && spec.model_type !== 'lstm') {
		throw new RangeError(`model_type must be 'gru' or 'lstm', got ${String(spec.model_type)}`);
	}

	const rnnArgs = {
		units: spec.units,
		inputShape: [spec.window, spec.nFeatures],
		kernelInitializer: tf.initializers.glorotUniform({
			seed: initSeed(spec.seed, STREAM.rnnKernel)
		}),
		recurrentInitializer: tf.initializers.orthogonal({
			seed: initSeed(spec.seed, STREAM.rnnRecurrent)
		}),
		biasInitializer: 'zeros' as const,
		// tfjs defaults to Keras 1's hard sigmoid; the logistic sigmoid matches Keras 2+, PyTorch and ONNX,
		// so exported weights mean the same thing elsewhere.
		recurrentActivation: 'sigmoid' as const,
		returnSequences: false
	};
	const rnn =
		spec.model_type === 'gru'
			? recurrentLayer('gru', rnnArgs, { fused: spec.fused })
			: // A forget-gate bias of 1 (Jozefowicz et al., ICML 2015) is the Keras default; tfjs leaves it off.
				recurrentLayer('lstm', { ...rnnArgs, unitForgetBias: true }, { fused: spec.fused });

	return tf.sequential({
		layers: [
			rnn,
			tf.layers.dense({
				units: 1,
				activation: 'linear',
				kernelInitializer: tf.initializers.glorotUniform({
					seed: initSeed(spec.seed, STREAM.denseKernel)
				}),
				biasInitializer: 'zeros'
			})
		]
	});
}

/**
 * A per-initialiser seed derived with Philox. Never 0: tfjs's normal sampler treats a falsy seed as
 * "unseeded" (`seed ? seed : Math.random()` in tfjs-core rand_util), which would make the orthogonal
 * initialiser random for a user seed of 0.
 */
function initSeed(seed: number, stream: number): number {
	return new CounterRng(seed, stream).nextU32() || 1;
}
