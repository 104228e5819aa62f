/**
 * `FusedRetention`: multi-head retention (Sun et al. 2023, "Retentive Network", §2.2) as a tfjs
 * layer over `fusedRetention`: Q = X W_Q, K = X W_K / √dk, V = X W_V split into heads, each head
 * retains with its own decay γ_h = 1 − 2^(−5−h), heads are concatenated and projected by W_O.
 * The paper's xPos rotation, GroupNorm and swish gate are separate layers, not part of this one.
 * `step` runs the same layer recurrently, one token at a time, for live inference.
 */
import * as tf from '@tensorflow/tfjs';
import { fusedRetention, retentionDecays, retentionStep } from './fused-retention-op';

export interface FusedRetentionArgs {
	heads: number;
	/** Query/key width per head (dk). */
	keyDim: number;
	/** Value width per head (dv); defaults to keyDim. */
	valueDim?: number;
	/** Output width (W_O columns); defaults to the input width. */
	units?: number;
	/** Default true: `[B, T, units]`; false gives the last step `[B, units]`. */
	returnSequences?: boolean;
	inputShape?: number[];
	batchInputShape?: number[];
	name?: string;
	trainable?: boolean;
}

/**
 * @example
 * const layer = new FusedRetention({ heads: 4, keyDim: 16, inputShape: [128, 32] });
 * const y = layer.apply(x) as tf.Tensor3D; // [B, 128, 32]
 * // live: let s = layer.initialState(1); const { out, state } = layer.step(s, xToken); s.dispose(); s = state;
 */
export class FusedRetention extends tf.layers.Layer {
	static readonly className = 'FusedRetention';
	readonly heads: number;
	readonly keyDim: number;
	readonly valueDim: number;
	readonly returnSequences: boolean;
	/** γ_h per head (Sun et al. 2023). */
	readonly gamma: readonly number[];
	private readonly unitsArg?: number;
	private wq?: tf.LayerVariable;
	private wk?: tf.LayerVariable;
	private wv?: tf.LayerVariable;
	private wo?: tf.LayerVariable;

	constructor(args: FusedRetentionArgs) {
		super(args);
		for (const [name, value] of [
			['heads', args.heads],
			['keyDim', args.keyDim],
			['valueDim', args.valueDim ?? args.keyDim],
			['units', args.units ?? 1]
		] as const)
			if (!Number.isInteger(value) || value < 1)
				throw new RangeError(`${name} must be a positive integer, got ${value}`);
		this.heads = args.heads;
		this.keyDim = args.keyDim;
		this.valueDim = args.valueDim ?? args.keyDim;
		this.unitsArg = args.units;
		this.returnSequences = args.returnSequences ?? true;
		this.gamma = retentionDecays(args.heads);
		this.inputSpec = [{ ndim: 3 }];
	}

	get units(): number {
		return this.unitsArg ?? (this.wo?.shape[1] as number | undefined) ?? 0;
	}

	override build(inputShape: tf.Shape | tf.Shape[]): void {
		const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
		const D = shape[shape.length - 1] as number;
		const { heads: h, keyDim: dk, valueDim: dv } = this;
		const init = () => tf.initializers.glorotUniform({});
		this.wq = this.addWeight('wq', [D, h * dk], 'float32', init());
		this.wk = this.addWeight('wk', [D, h * dk], 'float32', init());
		this.wv = this.addWeight('wv', [D, h * dv], 'float32', init());
		this.wo = this.addWeight('wo', [h * dv, this.unitsArg ?? D], 'float32', init());
		this.built = true;
	}

	/** Projects `x [M, D]` to per-head q, k (scaled by 1/√dk), v: `[M, heads, dk|dv]`. */
	private project(x: tf.Tensor2D): [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D] {
		const M = x.shape[0];
		const { heads: h, keyDim: dk, valueDim: dv } = this;
		const q = tf.matMul(x, this.wq!.read() as tf.Tensor2D).reshape([M, h, dk]);
		const k = tf
			.mul(tf.matMul(x, this.wk!.read() as tf.Tensor2D), 1 / Math.sqrt(dk))
			.reshape([M, h, dk]);
		const v = tf.matMul(x, this.wv!.read() as tf.Tensor2D).reshape([M, h, dv]);
		return [q as tf.Tensor3D, k as tf.Tensor3D, v as tf.Tensor3D];
	}

	override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
		return tf.tidy(() => {
			const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
			const [B, T, D] = x.shape;
			const { heads: h, valueDim: dv } = this;
			// [B·T, h, d] → [B, h, T, d]
			const toHeads = (t: tf.Tensor3D) =>
				tf.transpose(t.reshape([B, T, h, t.shape[2]]), [0, 2, 1, 3]) as tf.Tensor4D;
			const [q, k, v] = this.project(x.reshape([B * T, D])).map(toHeads);
			const o = fusedRetention(q, k, v, this.gamma);
			const merged = tf.transpose(o, [0, 2, 1, 3]).reshape([B * T, h * dv]) as tf.Tensor2D;
			const y = tf.matMul(merged, this.wo!.read() as tf.Tensor2D);
			const U = y.shape[1] as number;
			if (this.returnSequences) return y.reshape([B, T, U]);
			return y
				.reshape([B, T, U])
				.slice([0, T - 1, 0], [B, 1, U])
				.reshape([B, U]);
		});
	}

	/** Zeros `[batch, heads, dk, dv]`: the state before the first token. */
	initialState(batch: number): tf.Tensor4D {
		return tf.zeros([batch, this.heads, this.keyDim, this.valueDim]);
	}

	/**
	 * One token `x [B, D]` → `{ out [B, units], state }` at O(heads·dk·dv) whatever the history;
	 * stepping a sequence gives `call`'s outputs. The caller disposes the old state.
	 */
	step(state: tf.Tensor4D, x: tf.Tensor2D): { out: tf.Tensor2D; state: tf.Tensor4D } {
		if (!this.built) throw new Error('FusedRetention.step needs a built layer (apply it once).');
		return tf.tidy(() => {
			const [q, k, v] = this.project(x);
			const next = retentionStep(state, q, k, v, this.gamma);
			const merged = next.out.reshape([x.shape[0], this.heads * this.valueDim]) as tf.Tensor2D;
			return { out: tf.matMul(merged, this.wo!.read() as tf.Tensor2D), state: next.state };
		});
	}

	override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
		const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
		const U = this.unitsArg ?? (shape[shape.length - 1] as number);
		return this.returnSequences ? [shape[0], shape[1], U] : [shape[0], U];
	}

	override getConfig(): tf.serialization.ConfigDict {
		return {
			...super.getConfig(),
			heads: this.heads,
			keyDim: this.keyDim,
			valueDim: this.valueDim,
			returnSequences: this.returnSequences,
			...(this.unitsArg !== undefined ? { units: this.unitsArg } : {})
		};
	}
}

tf.serialization.registerClass(FusedRetention);
