/**
 * SGD with momentum, Adam and AdamW written out in tfjs ops, with their state in our own variables so
 * that it can be saved in a checkpoint and restored bit for bit (tfjs's optimisers keep theirs
 * private), and so that AdamW exists at all (tfjs has no decoupled weight decay).
 *
 * Per parameter θ with gradient g at step t (1-based), learning rate η_t from the schedule:
 * - sgd (heavy ball, PyTorch's form; Sutskever et al. 2013): `v ← μv + g; θ ← θ − η_t·v`
 * - adam (Kingma & Ba 2015, Algorithm 1): `m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
 *   θ ← θ − η_t·m̂/(√v̂ + ε)` with `m̂ = m/(1−β1^t)`, `v̂ = v/(1−β2^t)`
 * - adamw (Loshchilov & Hutter 2019, Algorithm 2): the Adam step plus `− η_t·λ·θ`, the decay applied
 *   to the weights directly, never through m and v (so it is not rescaled by √v̂). The decay uses the
 *   scheduled η_t, as PyTorch's AdamW does (the paper's η_t·α·λ with α folded into λ).
 */
import * as tf from '@tensorflow/tfjs';
import type { OptimizerConfig } from '$lib/core/protocol/training';

/** Plain, structured-cloneable optimiser state: the step count and each variable's slot values. */
export interface OptimizerSnapshot {
	type: OptimizerConfig['type'];
	/** Steps taken so far. */
	step: number;
	/** `slots[i][k]`: slot k (sgd: velocity; adam/adamw: m, v) of variable i, row-major. */
	slots: Float32Array[][];
}

/**
 * @example
 * const opt = new SlotOptimizer({ type: 'adamw', beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01 }, vars);
 * opt.apply(grads, 1e-3); // one step
 * const saved = await opt.snapshot();
 * opt.dispose();
 */
export class SlotOptimizer {
	readonly config: OptimizerConfig;
	#vars: tf.Variable[];
	#slots: tf.Variable[][];
	#step = 0;

	constructor(config: OptimizerConfig, vars: tf.Variable[]) {
		this.config = config;
		this.#vars = vars;
		const perVar = config.type === 'sgd' ? 1 : 2;
		this.#slots = vars.map((v) =>
			// Under tidy: tf.variable() keeps the data, the zeros tensor itself is released.
			Array.from({ length: perVar }, () => tf.tidy(() => tf.variable(tf.zerosLike(v), false)))
		);
	}

	get step(): number {
		return this.#step;
	}

	/** One update of every variable with `grads` (same order as the variables) at learning rate `lr`. */
	apply(grads: readonly tf.Tensor[], lr: number): void {
		if (grads.length !== this.#vars.length) {
			throw new RangeError(`${grads.length} gradients for ${this.#vars.length} variables`);
		}
		this.#step += 1;
		const c = this.config;
		tf.tidy(() => {
			this.#vars.forEach((theta, i) => {
				const g = grads[i];
				if (c.type === 'sgd') {
					const [velocity] = this.#slots[i];
					const v = tf.add(tf.mul(velocity, c.momentum), g);
					velocity.assign(v);
					theta.assign(tf.sub(theta, tf.mul(v, lr)));
					return;
				}
				const [m1, m2] = this.#slots[i];
				const m = tf.add(tf.mul(m1, c.beta1), tf.mul(g, 1 - c.beta1));
				const v = tf.add(tf.mul(m2, c.beta2), tf.mul(tf.square(g), 1 - c.beta2));
				m1.assign(m);
				m2.assign(v);
				// Bias corrections in f64 on the host: β^t underflows f32 slowly but needlessly.
				const mHat = tf.div(m, 1 - c.beta1 ** this.#step);
				const vHat = tf.div(v, 1 - c.beta2 ** this.#step);
				let update = tf.div(mHat, tf.add(tf.sqrt(vHat), c.epsilon));
				if (c.type === 'adamw' && c.weightDecay > 0) {
					update = tf.add(update, tf.mul(theta, c.weightDecay));
				}
				theta.assign(tf.sub(theta, tf.mul(update, lr)));
			});
		});
	}

	/** The step count and slot values, read back from the device. */
	async snapshot(): Promise<OptimizerSnapshot> {
		const slots = await Promise.all(
			this.#slots.map((s) => Promise.all(s.map(async (t) => (await t.data()) as Float32Array)))
		);
		return { type: this.config.type, step: this.#step, slots };
	}

	/** Restores a `snapshot()`; throws when it belongs to another optimiser or model. */
	restore(snap: OptimizerSnapshot): void {
		if (snap.type !== this.config.type) {
			throw new Error(
				`The checkpoint's optimiser is ${snap.type}, this run uses ${this.config.type}.`
			);
		}
		if (snap.slots.length !== this.#slots.length) {
			throw new Error(
				`The checkpoint has optimiser state for ${snap.slots.length} variables, the model ${this.#slots.length}.`
			);
		}
		this.#slots.forEach((slots, i) =>
			slots.forEach((slot, k) => {
				const values = snap.slots[i]?.[k];
				if (!values || values.length !== slot.size) {
					throw new Error(`Optimiser slot ${k} of variable ${i} has the wrong size.`);
				}
				// Under tidy: the variable keeps the data, the temporary tensor is released.
				tf.tidy(() => slot.assign(tf.tensor(values, slot.shape)));
			})
		);
		this.#step = snap.step;
	}

	dispose(): void {
		for (const s of this.#slots) tf.dispose(s);
		this.#slots = [];
	}
}
