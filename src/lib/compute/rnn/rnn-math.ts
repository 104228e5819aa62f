import type { GateActivation } from './rnn-layout';

/** Logistic sigmoid without overflow: `exp` only ever sees a non-positive argument. */
export function sigmoid(a: number): number {
	const e = Math.exp(-Math.abs(a));
	return a >= 0 ? 1 / (1 + e) : e / (1 + e);
}

/** Keras' hard sigmoid, tfjs-layers' default recurrent activation. */
export const hardSigmoid = (a: number): number => Math.min(1, Math.max(0, 0.2 * a + 0.5));

export const gateActivation = (gate: GateActivation, a: number): number =>
	gate === 'sigmoid' ? sigmoid(a) : hardSigmoid(a);

/**
 * d gate / d preactivation, written in terms of the gate's *output* `y` so the backward pass needs
 * only what the forward pass saved. For the hard sigmoid the slope is 0.2 strictly inside (0, 1); at
 * the clip points (a = ±2.5 exactly) tfjs passes the gradient and we do not — a measure-zero case.
 */
export const gateSlope = (gate: GateActivation, y: number): number =>
	gate === 'sigmoid' ? y * (1 - y) : y > 0 && y < 1 ? 0.2 : 0;
