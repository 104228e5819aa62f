/**
 * Deterministic inputs and weights for the fused-RNN specs and the benchmark: a tiny LCG (the
 * numbers only need to be reproducible, not good) scaled like Glorot so activations stay in the
 * interesting range of σ and tanh.
 */
import { gateCount, type RnnCell } from '$lib/compute/rnn';

export interface RnnFixture {
	x: Float32Array;
	kernel: Float32Array;
	recurrentKernel: Float32Array;
	bias: Float32Array;
	/** A weighting of the h sequence: the loss is Σ dy ⊙ h, so dy is its gradient. */
	dy: Float32Array;
}

export function lcg(seed: number): () => number {
	let s = seed >>> 0 || 1;
	return () => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return s / 2 ** 32 - 0.5;
	};
}

export function rnnFixture(
	cell: RnnCell,
	dims: { batch: number; steps: number; inputSize: number; units: number },
	seed = 1
): RnnFixture {
	const { batch: B, steps: T, inputSize: D, units: H } = dims;
	const G = gateCount(cell) * H;
	const rand = lcg(seed);
	const fill = (n: number, scale: number) =>
		Float32Array.from({ length: n }, () => 2 * scale * rand());
	return {
		x: fill(B * T * D, 1),
		kernel: fill(D * G, Math.sqrt(6 / (D + G))),
		recurrentKernel: fill(H * G, Math.sqrt(3 / H)),
		bias: fill(G, 0.2),
		dy: fill(B * T * H, 1)
	};
}

/** max |a − b| / (atol + rtol·max|b|) ≤ 1 means within tolerance; returns that ratio. */
export function toleranceRatio(
	a: ArrayLike<number>,
	b: ArrayLike<number>,
	atol: number,
	rtol: number
): number {
	if (a.length !== b.length) throw new RangeError(`length ${a.length} ≠ ${b.length}`);
	let scale = 0;
	for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
	let worst = 0;
	for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
	return worst / (atol + rtol * scale);
}
