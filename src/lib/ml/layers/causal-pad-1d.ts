/**
 * Left zero-padding along time, so a following 'valid' convolution is causal: output t depends on
 * inputs ≤ t only (van den Oord et al. 2016, WaveNet §2.1). tfjs-layers' conv1d has no 'causal'
 * padding, hence this layer.
 */
import * as tf from '@tensorflow/tfjs';
import { single, singleShape, type Kwargs, type LayerArgs } from './layer-support';

export interface CausalPad1DArgs extends LayerArgs {
	/** Steps of zeros added before the first step: `dilation·(kernelSize − 1)` for a causal conv. */
	padding: number;
}

export class CausalPad1D extends tf.layers.Layer {
	static className = 'AxonCausalPad1D';
	readonly padding: number;

	constructor(args: CausalPad1DArgs) {
		super(args);
		this.padding = args.padding;
	}

	override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
		const [b, t, c] = singleShape(inputShape);
		return [b, t === null ? null : t + this.padding, c];
	}

	override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
		return tf.tidy(() =>
			tf.pad(single(inputs), [
				[0, 0],
				[this.padding, 0],
				[0, 0]
			])
		);
	}

	override getConfig(): tf.serialization.ConfigDict {
		return { ...super.getConfig(), padding: this.padding };
	}
}
tf.serialization.registerClass(CausalPad1D);
