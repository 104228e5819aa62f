/**
 * Multi-scale retention (Sun et al. 2023, RetNet §2.2): per-head `retention(X W_Q, X W_K, X W_V)` with
 * decay `γ_h = 1 − 2^(−5−h)`, heads concatenated and projected by `W_O`. Keys are scaled by `d^(−½)` as
 * in the paper. Left out, and said here so nobody assumes them: xPos rotation, the GroupNorm over heads
 * and the swish gate (a following `layer_norm` block stands in for the normalisation). The `form`
 * changes the schedule of the computation, never its result. `[B, T, C] → [B, T, C]`.
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
import {
	retentionChunkwise,
	retentionDecays,
	retentionParallel,
	retentionRecurrent
} from './retention-forms';

export type RetentionForm = 'parallel' | 'recurrent' | 'chunkwise';

export interface RetentionArgs extends LayerArgs {
	heads: number;
	keyDim: number;
	form: RetentionForm;
	chunkSize: number;
	seed: number;
}

export class Retention extends tf.layers.Layer {
	static className = 'AxonRetention';
	readonly heads: number;
	readonly keyDim: number;
	/** Mutable so a trained layer can be evaluated in another form (the tests compare all three). */
	form: RetentionForm;
	readonly chunkSize: number;
	readonly seed: number;
	private w: Record<'q' | 'k' | 'v' | 'o', tf.LayerVariable> = {} as never;

	constructor(args: RetentionArgs) {
		super(args);
		this.heads = args.heads;
		this.keyDim = args.keyDim;
		this.form = args.form;
		this.chunkSize = args.chunkSize;
		this.seed = args.seed;
	}

	override build(inputShape: tf.Shape | tf.Shape[]): void {
		const c = singleShape(inputShape)[2]!;
		const hd = this.heads * this.keyDim;
		this.w.q = this.addWeight('wq', [c, hd], 'float32', glorot(this.seed, 1));
		this.w.k = this.addWeight('wk', [c, hd], 'float32', glorot(this.seed, 2));
		this.w.v = this.addWeight('wv', [c, hd], 'float32', glorot(this.seed, 3));
		this.w.o = this.addWeight('wo', [hd, c], 'float32', glorot(this.seed, 4));
		this.built = true;
	}

	override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
		return tf.tidy(() => {
			const x = single(inputs);
			const q = splitHeads(linear(x, this.w.q.read()), this.heads);
			const k = splitHeads(linear(x, this.w.k.read()), this.heads).div(Math.sqrt(this.keyDim));
			const v = splitHeads(linear(x, this.w.v.read()), this.heads);
			const gammas = retentionDecays(this.heads);
			const o =
				this.form === 'parallel'
					? retentionParallel(q, k, v, gammas)
					: this.form === 'recurrent'
						? retentionRecurrent(q, k, v, gammas)
						: retentionChunkwise(q, k, v, gammas, this.chunkSize);
			return linear(mergeHeads(o), this.w.o.read());
		});
	}

	override getConfig(): tf.serialization.ConfigDict {
		return {
			...super.getConfig(),
			heads: this.heads,
			keyDim: this.keyDim,
			form: this.form,
			chunkSize: this.chunkSize,
			seed: this.seed
		};
	}
}
tf.serialization.registerClass(Retention);
