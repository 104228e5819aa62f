import { beforeAll, describe, expect, it } from 'vitest';
import type { GpuContext } from '../../device';
import { nodeGpuOrFail } from '../../testing/node-gpu-or-fail';
import { linearScan, type ScanShape } from './linear-scan-reference';
import { runLinearScan } from './run-linear-scan';

let ctx: GpuContext;
beforeAll(async () => {
	ctx = await nodeGpuOrFail();
});

function lcg(seed: number): () => number {
	let s = seed >>> 0;
	return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5;
}

/**
 * minGRU-like coefficients a ∈ (0, 1), |b| ≤ 1: h is bounded by Σ|b| over the decay horizon and the
 * reassociated f32 scan stays within ~(log₂ 64 + tiles)·6e-8 of it. Allowed 2e-6 + 2e-6·max|h|.
 */
const TOL = { atol: 2e-6, rtol: 2e-6 };
const CASES: ScanShape[] = [
	{ batch: 1, steps: 1, channels: 1 },
	{ batch: 2, steps: 63, channels: 3 },
	{ batch: 3, steps: 200, channels: 5 },
	{ batch: 2, steps: 130, channels: 7, reverse: true }
];

describe('parallel linear scan on WebGPU', () => {
	for (const s of CASES) {
		it(`B=${s.batch} T=${s.steps} C=${s.channels}${s.reverse ? ' reversed (the adjoint recurrence)' : ''} equals the sequential f64 recurrence`, async () => {
			const r = lcg(s.steps);
			const n = s.batch * s.steps * s.channels;
			const a = Float32Array.from({ length: n }, () => 0.5 + r());
			const b = Float32Array.from({ length: n }, () => 2 * r());
			const got = await runLinearScan(ctx, a, b, s);
			const want = linearScan(a, b, s);
			let scale = 0;
			let worst = 0;
			for (let i = 0; i < n; i++) {
				scale = Math.max(scale, Math.abs(want[i]));
				worst = Math.max(worst, Math.abs(got[i] - want[i]));
			}
			expect(worst).toBeLessThanOrEqual(TOL.atol + TOL.rtol * scale);
		});
	}
});
