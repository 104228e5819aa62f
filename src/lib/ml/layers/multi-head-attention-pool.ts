/**
 * Multi-head attention pooling: one learned query per head attends over the sequence (the pooling by
 * multi-head attention of Lee et al. 2019, "Set Transformer", on Vaswani et al. 2017's heads).
 * `[B, T, C] → [B, H·d]`.
 */
import * as tf from '@tensorflow/tfjs';
import {
	glorot,
	linear,
	single,
	singleShape,
	splitHeads,
	type Kwargs,
	type LayerArgs
} from './layer-support';
import { scaledDotAttention } from './scaled-dot-attention';

export interface MultiHeadAttentionPoolArgs extends LayerArgs {
	heads: number;
	keyDim: number;
	seed: number;
}

export class MultiHeadAttentionPool extends tf.layers.Layer {
	static className = 'AxonMultiHeadAttentionPool';
	readonly heads: number;
	readonly keyDim: number;
	readonly seed: number;
	private query!: tf.LayerVariable;
	private wk!: tf.LayerVariable;
	private wv!: tf.LayerVariable;

	constructor(args: MultiHeadAttentionPoolArgs) {
		super(args);
		this.heads = args.heads;
		this.keyDim = args.keyDim;
		this.seed = args.seed;
	}

	override build(inputShape: tf.Shape | tf.Shape[]): void {
		const c = singleShape(inputShape)[2]!;
		const hd = this.heads * this.keyDim;
		this.query = this.addWeight(
			'query',
			[this.heads, this.keyDim],
			'float32',
			glorot(this.seed, 1)
		);
		this.wk = this.addWeight('wk', [c, hd], 'float32', glorot(this.seed, 2));
		this.wv = this.addWeight('wv', [c, hd], 'float32', glorot(this.seed, 3));
		this.built = true;
	}

	override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
		return [singleShape(inputShape)[0], this.heads * this.keyDim];
	}

	override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
		return tf.tidy(() => {
			const x = single(inputs);
			const b = x.shape[0];
			const k = splitHeads(linear(x, this.wk.read()), this.heads);
			const v = splitHeads(linear(x, this.wv.read()), this.heads);
			const q = this.query.read().reshape([1, this.heads, 1, this.keyDim]).tile([b, 1, 1, 1]);
			return scaledDotAttention(q, k, v, false).reshape([b, this.heads * this.keyDim]);
		});
	}

	override getConfig(): tf.serialization.ConfigDict {
		return { ...super.getConfig(), heads: this.heads, keyDim: this.keyDim, seed: this.seed };
	}
}
tf.serialization.registerClass(MultiHeadAttentionPool);
