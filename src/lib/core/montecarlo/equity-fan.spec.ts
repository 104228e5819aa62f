import { describe, expect, it } from 'vitest';
import { equityFan } from './equity-fan';

const returns = Float64Array.from({ length: 300 }, (_, i) => 0.01 * Math.sin(i * 0.7) + 0.001);

describe('equityFan', () => {
	it('orders the bands 5 ≤ 25 ≤ 50 ≤ 75 ≤ 95 at every step, starting at 1', () => {
		const fan = equityFan(returns, { paths: 200, seed: 3, steps: 50 });
		expect(fan.bands).toHaveLength(5);
		for (const band of fan.bands) expect(band[0]).toBe(1);
		for (let s = 0; s <= 50; s++)
			for (let k = 1; k < 5; k++)
				expect(fan.bands[k][s]).toBeGreaterThanOrEqual(fan.bands[k - 1][s]);
	});

	it('gives the same fan for the same seed and a different one for another seed', () => {
		const a = equityFan(returns, { paths: 100, seed: 9, steps: 40 });
		const b = equityFan(returns, { paths: 100, seed: 9, steps: 40 });
		const c = equityFan(returns, { paths: 100, seed: 10, steps: 40 });
		expect(a.bands).toEqual(b.bands);
		expect(a.bands[2]).not.toEqual(c.bands[2]);
	});

	it('collapses to the compounded return when every period earns the same', () => {
		const fan = equityFan(new Float64Array(20).fill(0.01), { paths: 30, seed: 1 });
		for (const band of fan.bands) expect(band[20]).toBeCloseTo(1.01 ** 20, 10);
	});
});
