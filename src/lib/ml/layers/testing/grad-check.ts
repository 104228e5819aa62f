// Test support only: finite-difference gradient checks for layers (float32, so small shapes and a
// relative tolerance of about 1e-2).
import * as tf from '@tensorflow/tfjs';
import { CounterRng } from '$lib/core/random/philox';

export function randomTensor(shape: number[], seed: number, scale = 1): tf.Tensor {
	const rng = new CounterRng(seed, 7);
	const n = shape.reduce((a, b) => a * b, 1);
	return tf.tensor(
		Float32Array.from({ length: n }, () => rng.normal() * scale),
		shape
	);
}

export interface GradMismatch {
	variable: string;
	index: number;
	analytic: number;
	numeric: number;
}

/**
 * Compares tfjs's gradients of `sum(layer(x) ⊙ R)` with central differences, for the input and every
 * trainable weight, at `probes` coordinates of each. Returns the mismatches (empty when all agree).
 */
export function gradCheck(
	layer: tf.layers.Layer,
	inputShape: number[],
	opts: {
		seed: number;
		eps?: number;
		rtol?: number;
		atol?: number;
		probes?: number;
		training?: boolean;
	}
): { mismatches: GradMismatch[]; checked: number } {
	const eps = opts.eps ?? 3e-3;
	const rtol = opts.rtol ?? 2e-2;
	const atol = opts.atol ?? 2e-3;
	const probes = opts.probes ?? 6;
	const init = randomTensor(inputShape, opts.seed);
	const x = tf.variable(init, true, `gc_x_${opts.seed}_${Math.random()}`);
	init.dispose();
	(layer.apply(x) as tf.Tensor).dispose(); // builds the weights
	const vars = [x, ...layer.trainableWeights.map((w) => w.read() as tf.Variable)];
	const out = layer.apply(x) as tf.Tensor;
	const r = randomTensor(out.shape, opts.seed + 1);
	out.dispose();
	const loss = () =>
		tf.tidy(
			() =>
				(layer.apply(x, { training: opts.training ?? false }) as tf.Tensor)
					.mul(r)
					.sum() as tf.Scalar
		);
	const { value, grads } = tf.variableGrads(loss, vars);
	value.dispose();
	const rng = new CounterRng(opts.seed, 99);
	const mismatches: GradMismatch[] = [];
	let checked = 0;
	for (const v of vars) {
		const g = grads[v.name].dataSync();
		const base = v.dataSync().slice();
		for (let p = 0; p < Math.min(probes, base.length); p++) {
			const index = rng.int(base.length);
			const at = (delta: number) => {
				const moved = base.slice();
				moved[index] += delta;
				tf.tidy(() => v.assign(tf.tensor(moved, v.shape)));
				const f = loss();
				const y = f.dataSync()[0];
				f.dispose();
				return y;
			};
			const numeric = (at(eps) - at(-eps)) / (2 * eps);
			tf.tidy(() => v.assign(tf.tensor(base, v.shape)));
			const analytic = g[index];
			checked++;
			if (
				Math.abs(analytic - numeric) >
				atol + rtol * Math.max(Math.abs(analytic), Math.abs(numeric))
			) {
				mismatches.push({ variable: v.name, index, analytic, numeric });
			}
		}
	}
	tf.dispose(Object.values(grads));
	tf.dispose([x, r]);
	return { mismatches, checked };
}
