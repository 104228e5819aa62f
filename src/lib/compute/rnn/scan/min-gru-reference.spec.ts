import { describe, expect, it } from 'vitest';
import { linearScan } from './linear-scan-reference';
import { minGruForward, minGruGradient } from './min-gru-reference';

function lcg(seed: number): () => number {
	let s = seed >>> 0;
	return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5;
}

describe('minGRU and the linear scan (f64)', () => {
	it('linearScan is the step-by-step recurrence h_t = a_t h_{t−1} + b_t', () => {
		const a = [0.5, 0.25, 2];
		const b = [1, 1, 1];
		expect(Array.from(linearScan(a, b, { batch: 1, steps: 3, channels: 1 }))).toEqual([
			1, 1.25, 3.5
		]);
	});

	it('minGruGradient equals central finite differences (step 1e-6, tolerance 1e-8)', () => {
		const s = { batch: 2, steps: 7, channels: 3 };
		const r = lcg(4);
		const p = Float64Array.from({ length: 2 * 7 * 6 }, () => 4 * r());
		const dh = Float64Array.from({ length: 2 * 7 * 3 }, () => 2 * r());
		const loss = () => minGruForward(p, s).reduce((acc, h, i) => acc + h * dh[i], 0);
		const dp = minGruGradient(p, dh, s);
		let worst = 0;
		for (let i = 0; i < p.length; i++) {
			const keep = p[i];
			p[i] = keep + 1e-6;
			const up = loss();
			p[i] = keep - 1e-6;
			const down = loss();
			p[i] = keep;
			worst = Math.max(worst, Math.abs((up - down) / 2e-6 - dp[i]));
		}
		expect(worst).toBeLessThan(1e-8);
	});
});
