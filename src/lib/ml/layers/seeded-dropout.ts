/**
 * Dropout (Srivastava et al. 2014) whose masks are a pure function of (seed, call number), so training
 * and Monte-Carlo dropout (Gal & Ghahramani 2016) are reproducible. tfjs's own dropout layer reuses one
 * fixed seed on every call, which would draw the same mask for every MC sample and every step.
 */
import * as tf from '@tensorflow/tfjs';
import { deriveSeed, single, type Kwargs, type LayerArgs } from './layer-support';

export interface SeededDropoutArgs extends LayerArgs {
	rate: number;
	seed: number;
}

export class SeededDropout extends tf.layers.Layer {
	static className = 'AxonSeededDropout';
	readonly rate: number;
	private baseSeed: number;
	private calls = 0;

	constructor(args: SeededDropoutArgs) {
		super(args);
		this.rate = args.rate;
		this.baseSeed = args.seed;
	}

	/** Restarts the mask sequence from `seed`: the next calls draw the same masks as after any reseed(seed). */
	reseed(seed: number): void {
		this.baseSeed = seed;
		this.calls = 0;
	}

	override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
		const x = single(inputs);
		if (!kwargs['training'] || this.rate === 0) return tf.clone(x);
		const seed = deriveSeed(this.baseSeed, ++this.calls);
		return tf.tidy(() => tf.dropout(x, this.rate, undefined, seed));
	}

	override getConfig(): tf.serialization.ConfigDict {
		return { ...super.getConfig(), rate: this.rate, seed: this.baseSeed };
	}
}
tf.serialization.registerClass(SeededDropout);
