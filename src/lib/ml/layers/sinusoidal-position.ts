/**
 * Adds the fixed sinusoidal position code of Vaswani et al. 2017 (§3.5):
 * `PE[t, 2i] = sin(t / 10000^(2i/C))`, `PE[t, 2i+1] = cos(t / 10000^(2i/C))`. No parameters.
 */
import * as tf from '@tensorflow/tfjs';
import { single, type Kwargs, type LayerArgs } from './layer-support';

/** The `[T, C]` position table, computed in float64 and stored as float32. */
export function sinusoidalTable(steps: number, channels: number): Float32Array {
	const table = new Float32Array(steps * channels);
	for (let t = 0; t < steps; t++) {
		for (let c = 0; c < channels; c++) {
			const angle = t / Math.pow(10000, (2 * Math.floor(c / 2)) / channels);
			table[t * channels + c] = c % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
		}
	}
	return table;
}

export class SinusoidalPosition extends tf.layers.Layer {
	static className = 'AxonSinusoidalPosition';

	constructor(args: LayerArgs = {}) {
		super(args);
	}

	override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
		return tf.tidy(() => {
			const x = single(inputs);
			const [, t, c] = x.shape;
			return x.add(tf.tensor2d(sinusoidalTable(t, c), [t, c]));
		});
	}
}
tf.serialization.registerClass(SinusoidalPosition);
