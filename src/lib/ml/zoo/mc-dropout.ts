/**
 * Monte-Carlo dropout (Gal & Ghahramani 2016): keep dropout on at inference, run the model `samples`
 * times and read the spread of the outputs as the model's uncertainty. Masks are seeded: the same
 * `seed` gives the same samples, whatever happened to the model before.
 */
import * as tf from '@tensorflow/tfjs';
import { deriveSeed, SeededDropout } from '../layers';
import type { BuiltModel } from './build-model';
import { forward } from './zoo-loss';

export interface McOutput {
	name: string;
	/** `[B·units]`, sample-major: the predictive mean. */
	mean: Float32Array;
	/** `[B·units]`: the standard deviation over the MC samples (population form). */
	std: Float32Array;
}

/**
 * @example
 * const [ret] = await mcDropoutPredict(built, x, 50, 7);
 * const q = conformalScale(yCal, ret.mean, ret.std, 0.1); // calibrate on a held-out split
 */
export async function mcDropoutPredict(
	built: BuiltModel,
	x: tf.Tensor,
	samples: number,
	seed: number
): Promise<McOutput[]> {
	if (!Number.isInteger(samples) || samples < 2)
		throw new RangeError(`samples must be an integer ≥ 2, got ${samples}`);
	built.model.layers.forEach((l, i) => {
		if (l instanceof SeededDropout) l.reseed(deriveSeed(seed, 2000 + i));
	});
	let sums = built.outputs.map((o) => tf.zeros([x.shape[0], o.units]));
	let squares = built.outputs.map((o) => tf.zeros([x.shape[0], o.units]));
	try {
		for (let s = 0; s < samples; s++) {
			const [nextSums, nextSquares] = tf.tidy(() => {
				const outs = forward(built, x, { training: true });
				return [outs.map((o, i) => sums[i].add(o)), outs.map((o, i) => squares[i].add(o.square()))];
			});
			tf.dispose([...sums, ...squares]);
			sums = nextSums;
			squares = nextSquares;
		}
		const stats = tf.tidy(() =>
			sums.map((sum, i) => {
				const mean = sum.div(samples);
				const variance = squares[i].div(samples).sub(mean.square()).relu();
				return [mean, variance.sqrt()] as const;
			})
		);
		const result: McOutput[] = [];
		for (const [i, [mean, std]] of stats.entries()) {
			result.push({
				name: built.outputs[i].name,
				mean: (await mean.data()) as Float32Array,
				std: (await std.data()) as Float32Array
			});
		}
		tf.dispose(stats.flat());
		return result;
	} finally {
		tf.dispose([...sums, ...squares]);
	}
}
