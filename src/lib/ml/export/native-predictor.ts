/**
 * A tfjs model behind the common `Predictor` interface, so native and ONNX models are
 * interchangeable wherever predictions are needed.
 */
import * as tf from '@tensorflow/tfjs';
import type { Predictor } from '../onnx/predictor';

/**
 * @example
 * const p = nativePredictor(model);
 * const y = await p.predict(x, [n, 8, 3]);
 */
export function nativePredictor(model: tf.LayersModel): Predictor {
	return {
		get engine() {
			return `tfjs ${tf.getBackend()}`;
		},
		async predict(x, shape) {
			const out = tf.tidy(() => {
				const y = model.predict(tf.tensor(x, [...shape]));
				return Array.isArray(y) ? y[0] : y;
			});
			try {
				return (await out.data()) as Float32Array;
			} finally {
				out.dispose();
			}
		},
		dispose() {
			model.dispose();
		}
	};
}
