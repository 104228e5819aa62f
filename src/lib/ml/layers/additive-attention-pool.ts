/**
 * Additive attention pooling (Bahdanau, Cho & Bengio 2015, eq. 6, with the recurrent states as both
 * keys and values and a learned context in place of the decoder state): `e_t = vᵀ tanh(W h_t + b)`,
 * `α = softmax_t(e)`, output `Σ_t α_t h_t`. `[B, T, C] → [B, C]`.
 */
import * as tf from '@tensorflow/tfjs';
import { glorot, linear, single, singleShape, type Kwargs, type LayerArgs } from './layer-support';

export interface AdditiveAttentionPoolArgs extends LayerArgs {
	units: number;
	seed: number;
}

export class AdditiveAttentionPool extends tf.layers.Layer {
	static className = 'AxonAdditiveAttentionPool';
	readonly units: number;
	readonly seed: number;
	private w!: tf.LayerVariable;
	private b!: tf.LayerVariable;
	private v!: tf.LayerVariable;

	constructor(args: AdditiveAttentionPoolArgs) {
		super(args);
		this.units = args.units;
		this.seed = args.seed;
	}

	override build(inputShape: tf.Shape | tf.Shape[]): void {
		const c = singleShape(inputShape)[2]!;
		this.w = this.addWeight('w', [c, this.units], 'float32', glorot(this.seed, 1));
		this.b = this.addWeight('b', [this.units], 'float32', tf.initializers.zeros());
		this.v = this.addWeight('v', [this.units, 1], 'float32', glorot(this.seed, 2));
		this.built = true;
	}

	override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
		const [b, , c] = singleShape(inputShape);
		return [b, c];
	}

	/** The attention weights `[B, T]`, for inspection and tests. */
	weightsOver(x: tf.Tensor): tf.Tensor2D {
		return tf.tidy(() => {
			const scores = linear(tf.tanh(linear(x, this.w.read(), this.b.read())), this.v.read());
			return tf.softmax(scores.squeeze([2]), -1) as tf.Tensor2D;
		});
	}

	override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
		return tf.tidy(() => {
			const x = single(inputs);
			return x.mul(this.weightsOver(x).expandDims(2)).sum(1);
		});
	}

	override getConfig(): tf.serialization.ConfigDict {
		return { ...super.getConfig(), units: this.units, seed: this.seed };
	}
}
tf.serialization.registerClass(AdditiveAttentionPool);
