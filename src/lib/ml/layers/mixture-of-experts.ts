/**
 * Mixture-of-experts layer (Shazeer et al. 2017) with Switch-Transformer routing (Fedus, Zoph &
 * Shazeer 2021): a linear router, softmax gates, top-k experts per token, a per-expert capacity, and
 * the auxiliary load-balancing loss `α · E · Σ_e f_e · P_e` (f_e: share of tokens whose first choice is
 * e; P_e: mean router probability of e). Each expert is `relu(x W1 + b1) W2 + b2`, back to C channels.
 *
 * Capacity: each expert takes at most `ceil(capacityFactor · k · N / E)` of the N tokens of a batch,
 * first come (in batch-then-time order), first choices before second choices (GShard's order). A token
 * that no chosen expert has room for is **passed through unchanged**, the identity standing in for the
 * residual connection Switch relies on; a token that keeps some of its k choices gets only those
 * experts, weighted by its gates. Gates of k > 1 choices are renormalised to sum to 1; with k = 1 the
 * raw probability scales the output, so the router learns through it (Switch, §2.1).
 *
 * All experts are evaluated densely on every token and masked: exact routing semantics, no gather or
 * scatter; fine for the model sizes of a browser workbench, not a sparse-compute speed-up.
 *
 * The auxiliary loss of the last training call is read with `auxLoss()` in the same loss closure
 * that ran the forward pass. tfjs-layers runs a model's layers inside its own `tidy` (Container.call),
 * so the layer `tf.keep`s that one scalar and owns it: the next call or `dispose()` frees it. Run the
 * model once per loss closure; a second forward pass would free the first pass's loss.
 */
import * as tf from '@tensorflow/tfjs';
import { glorot, single, singleShape, type Kwargs, type LayerArgs } from './layer-support';

export interface MixtureOfExpertsArgs extends LayerArgs {
	experts: number;
	topK: number;
	hidden: number;
	capacityFactor: number;
	auxWeight: number;
	seed: number;
}

export interface Routing {
	/** `[N, E]` router probabilities. */
	probs: tf.Tensor2D;
	/** `[N, E]` weight of expert e in token n's output (0 where not chosen or over capacity). */
	combine: tf.Tensor2D;
	/** `[N, 1]` 1 where the token was passed through (no chosen expert had room). */
	passed: tf.Tensor2D;
	/** `[N, E]` one-hot first choice, before capacity. */
	firstChoice: tf.Tensor2D;
	/** `[N, E]` 1 where token n was accepted by expert e. */
	accepted: tf.Tensor2D;
	capacity: number;
}

export class MixtureOfExperts extends tf.layers.Layer {
	static className = 'AxonMixtureOfExperts';
	readonly experts: number;
	readonly topK: number;
	readonly hidden: number;
	readonly capacityFactor: number;
	readonly auxWeight: number;
	readonly seed: number;
	private router!: tf.LayerVariable;
	private w1!: tf.LayerVariable;
	private b1!: tf.LayerVariable;
	private w2!: tf.LayerVariable;
	private b2!: tf.LayerVariable;
	private lastAux: tf.Scalar | null = null;

	constructor(args: MixtureOfExpertsArgs) {
		super(args);
		this.experts = args.experts;
		this.topK = args.topK;
		this.hidden = args.hidden;
		this.capacityFactor = args.capacityFactor;
		this.auxWeight = args.auxWeight;
		this.seed = args.seed;
	}

	override build(inputShape: tf.Shape | tf.Shape[]): void {
		const shape = singleShape(inputShape);
		const c = shape[shape.length - 1]!;
		const { experts: e, hidden: h } = this;
		const zeros = () => tf.initializers.zeros();
		this.router = this.addWeight('router', [c, e], 'float32', glorot(this.seed, 1));
		this.w1 = this.addWeight('w1', [e, c, h], 'float32', glorot(this.seed, 2));
		this.b1 = this.addWeight('b1', [e, h], 'float32', zeros());
		this.w2 = this.addWeight('w2', [e, h, c], 'float32', glorot(this.seed, 3));
		this.b2 = this.addWeight('b2', [e, c], 'float32', zeros());
		this.built = true;
	}

	/** Routing decisions for tokens `[N, C]`; masks carry no gradient, gates do. */
	route(tokens: tf.Tensor2D): Routing {
		return tf.tidy(() => {
			const n = tokens.shape[0];
			const e = this.experts;
			const k = this.topK;
			const probs = tf.softmax(tokens.matMul(this.router.read() as tf.Tensor2D), -1) as tf.Tensor2D;
			const capacity = Math.ceil((this.capacityFactor * k * n) / e);
			const masks = tf.unstack(routingMasks(probs, k, capacity));
			const choices = masks.slice(0, k);
			const keeps = masks.slice(k);
			const gates = choices.map((choice) => probs.mul(choice).sum(1, true));
			const norm = k > 1 ? tf.addN(gates) : tf.onesLike(gates[0]);
			const combine = tf.addN(keeps.map((keep, c) => keep.mul(gates[c].div(norm)))) as tf.Tensor2D;
			const accepted = tf.addN(keeps) as tf.Tensor2D;
			const passed = tf.scalar(1).sub(accepted.sum(1, true).minimum(1)) as tf.Tensor2D;
			return { probs, combine, passed, firstChoice: choices[0] as tf.Tensor2D, accepted, capacity };
		}) as unknown as Routing;
	}

	/** Switch load-balancing loss, scaled by `auxWeight`. */
	balanceLoss(r: Routing): tf.Scalar {
		return tf.tidy(() =>
			r.firstChoice
				.mean(0)
				.mul(r.probs.mean(0))
				.sum()
				.mul(this.auxWeight * this.experts)
		) as tf.Scalar;
	}

	/** The auxiliary loss of the most recent training call, owned by the layer (do not dispose it). */
	auxLoss(): tf.Scalar | null {
		return this.lastAux && !this.lastAux.isDisposed ? this.lastAux : null;
	}

	override dispose(): ReturnType<tf.layers.Layer['dispose']> {
		const result = super.dispose();
		if (result.refCountAfterDispose === 0) {
			this.lastAux?.dispose();
			this.lastAux = null;
		}
		return result;
	}

	override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
		const x = single(inputs);
		const c = x.shape[x.shape.length - 1];
		const tokens = x.reshape([-1, c]) as tf.Tensor2D;
		const r = this.route(tokens);
		const out = tf.tidy(() => {
			const n = tokens.shape[0];
			const e = this.experts;
			const spread = tokens.expandDims(0).tile([e, 1, 1]);
			const hidden = tf.relu(tf.matMul(spread, this.w1.read()).add(this.b1.read().expandDims(1)));
			const expertOut = tf.matMul(hidden, this.w2.read()).add(this.b2.read().expandDims(1));
			const mixed = expertOut.mul(r.combine.transpose().reshape([e, n, 1])).sum(0);
			return mixed.add(tokens.mul(r.passed)).reshape(x.shape);
		});
		// Kept past tfjs's tidy around the model (see the module comment); the previous one is freed.
		this.lastAux?.dispose();
		this.lastAux = kwargs['training'] ? tf.keep(this.balanceLoss(r)) : null;
		tf.dispose([r.probs, r.combine, r.passed, r.firstChoice, r.accepted, tokens]);
		return out;
	}

	override getConfig(): tf.serialization.ConfigDict {
		return {
			...super.getConfig(),
			experts: this.experts,
			topK: this.topK,
			hidden: this.hidden,
			capacityFactor: this.capacityFactor,
			auxWeight: this.auxWeight,
			seed: this.seed
		};
	}
}
tf.serialization.registerClass(MixtureOfExperts);

/**
 * `[2k, N, E]`: the one-hot c-th choice of every token (c < k), then the same choices with the tokens
 * over capacity removed. A hard decision has no gradient; wrapping it in `customGrad` with a zero
 * gradient keeps tfjs from asking for gradients of topk, cumsum and less, which it does not have.
 */
function routingMasks(probs: tf.Tensor2D, k: number, capacity: number): tf.Tensor3D {
	const masks = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
		const p = args[0] as tf.Tensor2D;
		return { value: hardRouting(p, k, capacity) as tf.Tensor, gradFunc: () => [tf.zerosLike(p)] };
	});
	return masks(probs) as tf.Tensor3D;
}

function hardRouting(probs: tf.Tensor2D, k: number, capacity: number): tf.Tensor3D {
	const [n, e] = probs.shape;
	const { indices } = tf.topk(probs, k);
	let filled: tf.Tensor = tf.zeros([1, e]);
	const choices: tf.Tensor[] = [];
	const keeps: tf.Tensor[] = [];
	for (let c = 0; c < k; c++) {
		const choice = tf.oneHot(indices.slice([0, c], [n, 1]).reshape([n]), e).toFloat();
		// First come, first served, first choices of all tokens before any second choice (GShard).
		const position = tf.cumsum(choice, 0).sub(1).add(filled);
		const keep = choice.mul(position.less(capacity).toFloat());
		filled = filled.add(keep.sum(0, true));
		choices.push(choice);
		keeps.push(keep);
	}
	return tf.stack([...choices, ...keeps]) as tf.Tensor3D;
}
