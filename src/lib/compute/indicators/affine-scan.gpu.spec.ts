import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OhlcvSeries } from '../../core/ohlcv';
import { generateGbm } from '../../core/synthetic/gbm';
import type { GpuContext } from '../device';
import { nodeGpuOrFail } from '../testing/node-gpu-or-fail';
import { sequentialRecurrence } from './affine-scan';
import { SCAN_CHUNK } from './codegen';
import { inp, PlanBuilder } from './plan';
import { batchColumn, runGpuPlan } from './run-gpu-plan';

let gpu: GpuContext;

beforeAll(async () => {
	gpu = await nodeGpuOrFail();
});

afterAll(() => gpu?.device.destroy());

/**
 * A recurrence with a time-varying coefficient, as KAMA has: aₜ = 1 − scₜ with scₜ ∈ [0.05, 0.55]
 * taken from the bar's range, bₜ = scₜ·Cₜ, seeded with the close at row `start` (a parameter).
 */
function varyingPlan() {
	const b = new PlanBuilder('scan-test', ['start']);
	const sc = `(0.05 + 0.5 * fract(${inp('high')} - ${inp('low')}))`;
	const y = b.scan(b.ip('start'), {
		seed: inp('close'),
		a: `(1.0 - ${sc})`,
		b: `${sc} * ${inp('close')}`
	});
	return b.build([{ col: y }]);
}

describe('the GPU affine scan', () => {
	it('matches the sequential f64 recurrence over lanes, block edges and seed rows', async () => {
		const bars = 5 * SCAN_CHUNK + 17;
		const series: OhlcvSeries[] = [1, 2].map((seed) =>
			generateGbm({ seed, bars, s0: 50, mu: 0.05, sigma: 0.4, symbol: `S${seed}` })
		);
		const starts = [0, SCAN_CHUNK - 1, SCAN_CHUNK, 3 * SCAN_CHUNK + 5];
		const batch = await runGpuPlan(gpu, {
			plan: varyingPlan(),
			series,
			paramSets: starts.map((start) => ({ start }))
		});
		series.forEach((s, si) =>
			starts.forEach((start, pi) => {
				// The f64 reference sees the same f32-rounded inputs, so only the scan's rounding differs.
				const f = (x: number) => Math.fround(x);
				const sc = (t: number) => 0.05 + 0.5 * ((((f(s.high[t]) - f(s.low[t])) % 1) + 1) % 1);
				const want = sequentialRecurrence({
					length: bars,
					start,
					seed: f(s.close[start]),
					a: (t) => 1 - sc(t),
					b: (t) => sc(t) * f(s.close[t])
				});
				const got = batchColumn(batch, si, pi, 0);
				for (let t = 0; t < bars; t++) {
					if (t < start) expect(got[t]).toBeNaN();
					// Contractive map: error stays at a few f32 ulps of the price level (~50).
					else expect(Math.abs(got[t] - want[t])).toBeLessThan(50 * 2e-6);
				}
			})
		);
	});
});
