/** Small helpers the custom layers share: types tfjs does not export by name, seeds, activations. */
import * as tf from '@tensorflow/tfjs';
import { CounterRng } from '$lib/core/random/philox';

export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;
export type Kwargs = Parameters<tf.layers.Layer['call']>[1];
export type LayerShape = (number | null)[];

/** The one input of a single-input layer (tfjs passes a list in some call paths). */
export function single(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
	return Array.isArray(inputs) ? inputs[0] : inputs;
}

/** The shape of a single-input layer's input. */
export function singleShape(shape: tf.Shape | tf.Shape[]): LayerShape {
	return (Array.isArray(shape[0]) ? shape[0] : shape) as LayerShape;
}

/**
 * A seed for one initialiser or one random draw, derived with Philox so streams never overlap.
 * Never 0: tfjs treats a falsy seed as "unseeded" (`seed ? seed : Math.random()` in rand_util).
 */
export function deriveSeed(seed: number, stream: number): number {
	return new CounterRng(seed, stream).nextU32() || 1;
}

/** Glorot-uniform (Glorot & Bengio 2010) with a derived seed. */
export function glorot(
	seed: number,
	stream: number
): ReturnType<typeof tf.initializers.glorotUniform> {
	return tf.initializers.glorotUniform({ seed: deriveSeed(seed, stream) });
}

export type ActivationName = 'linear' | 'relu' | 'tanh' | 'sigmoid' | 'gelu';

/** Applies an activation by name; GELU uses the tanh approximation (Hendrycks & Gimpel 2016). */
export function activate(x: tf.Tensor, name: ActivationName): tf.Tensor {
	switch (name) {
		case 'linear':
			return x;
		case 'relu':
			return tf.relu(x);
		case 'tanh':
			return tf.tanh(x);
		case 'sigmoid':
			return tf.sigmoid(x);
		case 'gelu': {
			const inner = x.add(x.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
			return x.mul(0.5).mul(tf.tanh(inner).add(1));
		}
	}
}

/** `x[..., C] · w[C, D] (+ b)`, for inputs of any rank. */
export function linear(x: tf.Tensor, w: tf.Tensor, b?: tf.Tensor): tf.Tensor {
	const c = x.shape[x.shape.length - 1];
	const y = x.reshape([-1, c]).matMul(w as tf.Tensor2D);
	const out = y.reshape([...x.shape.slice(0, -1), w.shape[1]] as number[]);
	return b ? out.add(b) : out;
}

/** `[B, T, H·d] → [B, H, T, d]`. */
export function splitHeads(x: tf.Tensor, heads: number): tf.Tensor4D {
	const [b, t, hd] = x.shape as [number, number, number];
	return x.reshape([b, t, heads, hd / heads]).transpose([0, 2, 1, 3]) as tf.Tensor4D;
}

/** `[B, H, T, d] → [B, T, H·d]`. */
export function mergeHeads(x: tf.Tensor): tf.Tensor3D {
	const [b, h, t, d] = x.shape;
	return x.transpose([0, 2, 1, 3]).reshape([b, t, h * d]) as tf.Tensor3D;
}
