/**
 * How a mixture-of-experts layer spreads a batch over its experts: each expert's share of the accepted
 * (token, expert) slots, the share of tokens passed through for lack of capacity, and the entropy of
 * the shares (ln E when perfectly balanced, 0 when one expert takes everything).
 */
import * as tf from '@tensorflow/tfjs';
import { MixtureOfExperts } from '../layers';
import type { BuiltModel } from './build-model';

export interface ExpertUtilisation {
	layer: string;
	share: number[];
	passedThrough: number;
	entropy: number;
	capacity: number;
}

/**
 * @example
 * const [moe] = await expertUtilisation(built, x);
 * console.log(moe.share, moe.entropy / Math.log(moe.share.length));
 */
export async function expertUtilisation(
	built: BuiltModel,
	x: tf.Tensor
): Promise<ExpertUtilisation[]> {
	const result: ExpertUtilisation[] = [];
	for (const layer of built.model.layers) {
		if (!(layer instanceof MixtureOfExperts)) continue;
		// A sub-model up to the layer's input gives the tokens the router actually sees.
		const upTo = tf.model({
			inputs: built.model.inputs,
			outputs: layer.input as tf.SymbolicTensor
		});
		const [load, passed, capacity] = tf.tidy(() => {
			const h = upTo.predict(x) as tf.Tensor;
			const r = layer.route(h.reshape([-1, h.shape[h.shape.length - 1]]) as tf.Tensor2D);
			const acc = r.accepted.sum(0);
			return [acc.div(acc.sum().maximum(1)), r.passed.mean(), r.capacity] as const;
		});
		const share = Array.from(await load.data(), Number);
		const passedThrough = (await passed.data())[0];
		tf.dispose([load, passed]);
		const entropy = -share.reduce((h, p) => (p > 0 ? h + p * Math.log(p) : h), 0);
		result.push({ layer: layer.name, share, passedThrough, entropy, capacity });
	}
	return result;
}
