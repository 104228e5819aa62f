import { beforeAll, describe, expect, it } from 'vitest';
import type { GpuContext } from '../../device';
import { nodeGpuOrFail } from '../../testing/node-gpu-or-fail';
import { retentionGradients } from './retention-gradients';
import { retentionParallel, retentionStep } from './retention-reference';
import type { RetentionShape } from './retention-shape';
import { runRetentionChunkwise, runRetentionStep } from './run-retention';

let ctx: GpuContext;
beforeAll(async () => {
	ctx = await nodeGpuOrFail();
});

function lcg(seed: number): () => number {
	let s = seed >>> 0;
	return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5;
}
const fill = (r: () => number, n: number) => Float32Array.from({ length: n }, () => 2 * r());
/** max |gpu − ref| / (atol + rtol·max|ref|). */
function ratio(gpu: ArrayLike<number>, ref: ArrayLike<number>, atol: number, rtol: number) {
	let scale = 0;
	let worst = 0;
	for (let i = 0; i < ref.length; i++) {
		scale = Math.max(scale, Math.abs(ref[i]));
		worst = Math.max(worst, Math.abs(gpu[i] - ref[i]));
	}
	return worst / (atol + rtol * scale);
}

/**
 * Inputs are f32-exact, so the gap is the kernels' f32 arithmetic: sums of ≤ (C+1)·dk products and
 * a state decayed over ≤ 1/(1−γ) ≈ 33 steps (γ ≤ 0.97). Allowed 1e-5 + 1e-5·max|ref|.
 */
const TOL = { atol: 1e-5, rtol: 1e-5 };
const CASES: (RetentionShape & { chunk: number })[] = [
	{ rows: 2, steps: 1, keyDim: 4, valueDim: 4, heads: 1, chunk: 4 },
	{ rows: 4, steps: 37, keyDim: 8, valueDim: 5, heads: 2, chunk: 8 },
	{ rows: 3, steps: 20, keyDim: 7, valueDim: 13, heads: 3, chunk: 16, reverse: true }
];

describe('chunkwise retention on WebGPU', () => {
	for (const c of CASES) {
		it(`rows=${c.rows} N=${c.steps} dk=${c.keyDim} dv=${c.valueDim} C=${c.chunk}${c.reverse ? ' reversed' : ''} equals the f64 parallel form`, async () => {
			const r = lcg(c.steps);
			const q = fill(r, c.rows * c.steps * c.keyDim);
			const k = fill(r, q.length);
			const v = fill(r, c.rows * c.steps * c.valueDim);
			const gamma = [0.9, 0.95, 0.97].slice(0, c.heads);
			const got = await runRetentionChunkwise(ctx, q, k, v, gamma, c, c.chunk);
			expect(
				ratio(got, retentionParallel(q, k, v, gamma, c), TOL.atol, TOL.rtol)
			).toBeLessThanOrEqual(1);
		});
	}

	it('backward (three kernel retentions, two reversed) equals the f64 gradients', async () => {
		const s = { rows: 2, steps: 19, keyDim: 6, valueDim: 9, heads: 2 };
		const r = lcg(3);
		const q = fill(r, 2 * 19 * 6);
		const k = fill(r, q.length);
		const v = fill(r, 2 * 19 * 9);
		const dOut = fill(r, v.length);
		const gamma = [0.9, 0.96];
		const gpu = retentionGradients(
			(a, b, c2, g, sh) => runRetentionChunkwise(ctx, a, b, c2, g, sh, 8),
			q,
			k,
			v,
			gamma,
			dOut,
			s
		);
		const ref = retentionGradients(retentionParallel, q, k, v, gamma, dOut, s);
		for (const name of ['dq', 'dk', 'dv'] as const)
			expect(ratio(await gpu[name], ref[name], TOL.atol, TOL.rtol), name).toBeLessThanOrEqual(1);
	});

	it('the recurrent step kernel updates the state and emits q·S like the f64 step', async () => {
		const s = { rows: 3, keyDim: 5, valueDim: 7, heads: 3 };
		const r = lcg(8);
		const state = fill(r, 3 * 5 * 7);
		const [q, k, v] = [fill(r, 15), fill(r, 15), fill(r, 21)];
		const gamma = [0.8, 0.9, 0.99];
		const got = await runRetentionStep(ctx, state, q, k, v, gamma, s);
		const refState = Float64Array.from(state);
		const refOut = retentionStep(refState, q, k, v, gamma, s);
		expect(ratio(got.state, refState, TOL.atol, TOL.rtol)).toBeLessThanOrEqual(1);
		expect(ratio(got.out, refOut, TOL.atol, TOL.rtol)).toBeLessThanOrEqual(1);
	});
});
