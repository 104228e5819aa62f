/**
 * Multi-head self-attention (Vaswani et al. 2017, §3.2.2): `concat_h(attention(X W_q^h, X W_k^h,
 * X W_v^h)) W_o`, with biases, optionally causal. tfjs-layers has no attention layer. `[B, T, C] →
 * [B, T, C]`.
 */
import * as tf from '@tensorflow/tfjs';
import {
	glorot,
	linear,
	mergeHeads,
	single,
	singleShape,
	splitHeads,
	type Kwargs,
	type LayerArgs
} from './layer-support';
import { scaledDotAttention } from './scaled-dot-attention';

export interface MultiHeadAttentionArgs extends LayerArgs {
	heads: number;
	keyDim: number;
	causal: boolean;
	seed: number;
}

export class MultiHeadAttention extends tf.layers.Layer {
	static className = 'AxonMultiHeadAttention';
	readonly heads: number;
	readonly keyDim: number;
	readonly causal: boolean;
	readonly seed: number;
	private p: Record<'wq' | 'bq' | 'wk' | 'bk' | 'wv' | 'bv' | 'wo' | 'bo', tf.LayerVariable> =
		{} as never;

	constructor(args: MultiHeadAttentionArgs) {
		super(args);
		this.heads = args.heads;
		this.keyDim = args.keyDim;
		this.causal = args.causal;
		this.seed = args.seed;
	}

	override build(inputShape: tf.Shape | tf.Shape[]): void {
		const c = singleShape(inputShape)[2]!;
		const hd = this.heads * this.keyDim;
		const zeros = () => tf.initializers.zeros();
		this.p.wq = this.addWeight('wq', [c, hd], 'float32', glorot(this.seed, 1));
		this.p.bq = this.addWeight('bq', [hd], 'float32', zeros());
		this.p.wk = this.addWeight('wk', [c, hd], 'float32', glorot(this.seed, 2));
		this.p.bk = this.addWeight('bk', [hd], 'float32', zeros());
		this.p.wv = this.addWeight('wv', [c, hd], 'float32', glorot(this.seed, 3));
		this.p.bv = this.addWeight('bv', [hd], 'float32', zeros());
		this.p.wo = this.addWeight('wo', [hd, c], 'float32', glorot(this.seed, 4));
		this.p.bo = this.addWeight('bo', [c], 'float32', zeros());
		this.built = true;
	}

	override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
		return tf.tidy(() => {
			const x = single(inputs);
			const r = (n: keyof typeof this.p) => this.p[n].read();
			const q = splitHeads(linear(x, r('wq'), r('bq')), this.heads);
			const k = splitHeads(linear(x, r('wk'), r('bk')), this.heads);
			const v = splitHeads(linear(x, r('wv'), r('bv')), this.heads);
			return linear(mergeHeads(scaledDotAttention(q, k, v, this.causal)), r('wo'), r('bo'));
		});
	}

	override getConfig(): tf.serialization.ConfigDict {
		return {
			...super.getConfig(),
			heads: this.heads,
			keyDim: this.keyDim,
			causal: this.causal,
			seed: this.seed
		};
	}
}
tf.serialization.registerClass(MultiHeadAttention);
