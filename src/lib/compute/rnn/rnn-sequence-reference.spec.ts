import { describe, expect, it } from 'vitest';
import { gateCount, type RnnCell } from './rnn-layout';
import {
	rnnSequenceForward,
	rnnSequenceGradients,
	type RnnWeights
} from './rnn-sequence-reference';

function lcg(seed: number): () => number {
	let s = seed >>> 0;
	return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5;
}

/**
 * Central differences in f64 with step 1e-5: truncation error O(ε²·f''') ≈ 1e-10 and rounding
 * O(1e-16/ε) ≈ 1e-11 on losses of O(1), so analytic and numeric gradients agree to ~1e-8;
 * allowed 1e-6 absolute. Sigmoid gates only: the hard sigmoid has kinks where a difference
 * quotient is meaningless.
 */
const EPS = 1e-5;
const TOL = 1e-6;

const CASES: { cell: RnnCell; reverse: boolean }[] = [
	{ cell: 'lstm', reverse: false },
	{ cell: 'lstm', reverse: true },
	{ cell: 'gru', reverse: false },
	{ cell: 'gru', reverse: true }
];

describe('rnnSequenceGradients (f64 reference)', () => {
	for (const { cell, reverse } of CASES) {
		it(`${cell}${reverse ? ' reversed' : ''}: every gradient equals central finite differences of Σ dy ⊙ h`, () => {
			const shape = {
				batch: 2,
				steps: 4,
				inputSize: 3,
				units: 5,
				reverse,
				gate: 'sigmoid' as const
			};
			const G = gateCount(cell) * shape.units;
			const r = lcg(9);
			const fill = (n: number, s: number) => Float64Array.from({ length: n }, () => 2 * s * r());
			const x = fill(shape.batch * shape.steps * shape.inputSize, 1);
			const w: RnnWeights = {
				kernel: fill(3 * G, 0.6),
				recurrentKernel: fill(5 * G, 0.7),
				bias: fill(G, 0.3)
			};
			const dy = fill(shape.batch * shape.steps * shape.units, 1);
			const loss = () =>
				rnnSequenceForward(cell, x, w, shape).h.reduce((acc, h, i) => acc + h * dy[i], 0);
			const grads = rnnSequenceGradients(cell, x, w, dy, shape);
			const targets: [string, Float64Array, Float64Array][] = [
				['x', x, grads.dx],
				['kernel', w.kernel as Float64Array, grads.dKernel],
				['recurrentKernel', w.recurrentKernel as Float64Array, grads.dRecurrentKernel],
				['bias', w.bias as Float64Array, grads.dBias]
			];
			for (const [name, param, analytic] of targets) {
				let worst = 0;
				for (let i = 0; i < param.length; i++) {
					const keep = param[i];
					param[i] = keep + EPS;
					const up = loss();
					param[i] = keep - EPS;
					const down = loss();
					param[i] = keep;
					worst = Math.max(worst, Math.abs((up - down) / (2 * EPS) - analytic[i]));
				}
				expect(worst, name).toBeLessThan(TOL);
			}
		});
	}
});
