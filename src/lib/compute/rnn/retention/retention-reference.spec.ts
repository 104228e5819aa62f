import { describe, expect, it } from 'vitest';
import { retentionChunkwise, retentionParallel, retentionStep } from './retention-reference';
import { retentionGradients } from './retention-gradients';

function lcg(seed: number): () => number {
	let s = seed >>> 0;
	return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5;
}
const fill = (r: () => number, n: number) => Float64Array.from({ length: n }, () => 2 * r());
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
	Array.from(a).reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);

const shape = { rows: 4, steps: 11, keyDim: 3, valueDim: 5, heads: 2 };
const r = lcg(5);
const q = fill(r, 4 * 11 * 3);
const k = fill(r, 4 * 11 * 3);
const v = fill(r, 4 * 11 * 5);
const gamma = [0.9, 0.97];

describe('retention forms (f64)', () => {
	it('chunkwise equals the parallel definition for chunks that do and do not divide N, both directions', () => {
		for (const reverse of [false, true])
			for (const chunk of [1, 4, 11, 16]) {
				const s = { ...shape, reverse };
				expect(
					maxDiff(
						retentionChunkwise(q, k, v, gamma, s, chunk),
						retentionParallel(q, k, v, gamma, s)
					)
				).toBeLessThan(1e-12);
			}
	});

	it('stepping the recurrent form reproduces the parallel outputs', () => {
		const { rows, steps: N, keyDim: dk, valueDim: dv } = shape;
		const want = retentionParallel(q, k, v, gamma, shape);
		const state = new Float64Array(rows * dk * dv);
		let worst = 0;
		for (let n = 0; n < N; n++) {
			const at = (x: Float64Array, w: number) =>
				Float64Array.from(
					{ length: rows * w },
					(_, i) => x[(Math.floor(i / w) * N + n) * w + (i % w)]
				);
			const o = retentionStep(state, at(q, dk), at(k, dk), at(v, dv), gamma, shape);
			for (let bh = 0; bh < rows; bh++)
				for (let e = 0; e < dv; e++)
					worst = Math.max(worst, Math.abs(o[bh * dv + e] - want[(bh * N + n) * dv + e]));
		}
		expect(worst).toBeLessThan(1e-12);
	});

	it('retentionGradients equals central finite differences of Σ dO ⊙ o (step 1e-5, tolerance 1e-7)', () => {
		const dOut = fill(r, 4 * 11 * 5);
		const loss = () =>
			retentionParallel(q, k, v, gamma, shape).reduce((a, o, i) => a + o * dOut[i], 0);
		const g = retentionGradients(retentionParallel, q, k, v, gamma, dOut, shape);
		// Retention is bilinear in each input, so central differences are exact up to rounding (~1e-11).
		for (const [x, dx] of [
			[q, g.dq],
			[k, g.dk],
			[v, g.dv]
		] as const) {
			let worst = 0;
			for (let i = 0; i < x.length; i++) {
				const keep = x[i];
				x[i] = keep + 1e-5;
				const up = loss();
				x[i] = keep - 1e-5;
				const down = loss();
				x[i] = keep;
				worst = Math.max(worst, Math.abs((up - down) / 2e-5 - dx[i]));
			}
			expect(worst).toBeLessThan(1e-7);
		}
	});
});
