/**
 * The training objective of a zoo model: the sum over heads of each head's loss, plus the auxiliary
 * losses its layers add (MoE load balancing). Call it inside `optimizer.minimize(() => …)` or
 * `tf.tidy`: the auxiliary terms only live in the scope of the forward pass that made them.
 */
import * as tf from '@tensorflow/tfjs';
import { MixtureOfExperts } from '../layers';
import type { BuiltModel } from './build-model';

/** The model's outputs for `x`, one tensor per head. `training` switches dropout on. */
export function forward(built: BuiltModel, x: tf.Tensor, opts: { training: boolean }): tf.Tensor[] {
	const out = built.model.apply(x, { training: opts.training });
	return Array.isArray(out) ? (out as tf.Tensor[]) : [out as tf.Tensor];
}

/** Sum of the auxiliary losses of the last training forward pass (0 when there are none). */
export function auxiliaryLoss(built: BuiltModel): tf.Scalar {
	const terms = built.model.layers
		.filter((l): l is MixtureOfExperts => l instanceof MixtureOfExperts)
		.map((l) => l.auxLoss())
		.filter((t): t is tf.Scalar => t !== null);
	return terms.length ? (tf.addN(terms) as tf.Scalar) : tf.scalar(0);
}

/**
 * Targets, one per head in `built.outputs` order: regression `[B, units]`; classification the class
 * index `[B]` (as numbers); reconstruction `null` (the input is the target).
 *
 * @example
 * const loss = optimizer.minimize(() => zooLoss(built, xb, [yClass, yReturn]), true);
 */
export function zooLoss(
	built: BuiltModel,
	x: tf.Tensor,
	targets: (tf.Tensor | null)[],
	opts = { training: true }
): tf.Scalar {
	const outs = forward(built, x, opts);
	const terms = built.outputs.map((o, i) => {
		const pred = outs[i];
		if (o.kind === 'reconstruction') return tf.losses.meanSquaredError(x.reshape(pred.shape), pred);
		const target = targets[i];
		if (!target) throw new RangeError(`head ${o.name} needs a target`);
		if (o.kind === 'regression')
			return tf.losses.meanSquaredError(target.reshape(pred.shape), pred);
		const oneHot = tf.oneHot(target.reshape([-1]).toInt(), o.units);
		// Softmax outputs: cross-entropy on clipped probabilities (log 0 would be −∞).
		return tf.neg(oneHot.mul(pred.clipByValue(1e-7, 1).log()).sum(-1).mean());
	});
	return tf.addN([...terms, auxiliaryLoss(built)]) as tf.Scalar;
}
