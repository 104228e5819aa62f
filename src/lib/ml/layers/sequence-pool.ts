/** `[B, T, C] → [B, C]`: the last step (what a causal model knows at the end) or the mean over time. */
import * as tf from '@tensorflow/tfjs';
import { single, singleShape, type Kwargs, type LayerArgs } from './layer-support';

export interface SequencePoolArgs extends LayerArgs {
	mode: 'last' | 'mean';
}

export class SequencePool extends tf.layers.Layer {
	static className = 'AxonSequencePool';
	readonly mode: 'last' | 'mean';

	constructor(args: SequencePoolArgs) {
		super(args);
		this.mode = args.mode;
	}

	override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
		const [b, , c] = singleShape(inputShape);
		return [b, c];
	}

	override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
		return tf.tidy(() => {
			const x = single(inputs);
			const [b, t, c] = x.shape;
			return this.mode === 'mean' ? x.mean(1) : x.slice([0, t - 1, 0], [b, 1, c]).reshape([b, c]);
		});
	}

	override getConfig(): tf.serialization.ConfigDict {
		return { ...super.getConfig(), mode: this.mode };
	}
}
tf.serialization.registerClass(SequencePool);
