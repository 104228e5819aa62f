import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { histogramCounts, histogramQuantile } from '../../core/montecarlo/histogram';
import type { GpuContext } from '../device';
import { nodeGpuOrFail } from '../testing/node-gpu-or-fail';
import { histogramQuantilesGpu, runHistogramGpu } from './run-histogram-gpu';

let gpu: GpuContext;
beforeAll(async () => {
	gpu = await nodeGpuOrFail();
});
afterAll(() => gpu?.device.destroy());

// Values that straddle bin edges, leave the range on both sides, and include NaN and ±∞.
const values = Float32Array.from({ length: 300_001 }, (_, i) =>
	i % 9973 === 0 ? NaN : i % 10007 === 0 ? Infinity : Math.sin(i * 0.618) * 0.6 + (i % 7) * 0.01
);

describe('runHistogramGpu (the WGSL workgroup histogram)', () => {
	for (const range of [
		{ lo: -0.5, hi: 0.5, bins: 256 },
		{ lo: -1, hi: 1, bins: 37 },
		{ lo: 0, hi: 0.1, bins: 1 }
	])
		it(`gives exactly the CPU twin's counts (${range.bins} bins over [${range.lo}, ${range.hi}])`, async () => {
			const gpuH = await runHistogramGpu(gpu, values, range);
			const cpuH = histogramCounts(values, range);
			// Tolerance: none. Both twins bin with the same correctly rounded f32 operations.
			expect(Array.from(gpuH.counts)).toEqual(Array.from(cpuH.counts));
			expect(gpuH.total).toBe(cpuH.total);
		});

	it('gives the CPU twin’s quantiles, each within a bin width of the exact order statistic', async () => {
		const range = { lo: -0.7, hi: 0.7, bins: 256 };
		const levels = [0.05, 0.25, 0.5, 0.75, 0.95];
		const q = await histogramQuantilesGpu(gpu, values, range, levels);
		const cpu = histogramCounts(values, range);
		expect(q).toEqual(levels.map((p) => histogramQuantile(cpu, p)));
		const sorted = Float64Array.from(values.filter(Number.isFinite)).sort();
		levels.forEach((p, k) => {
			const exact = sorted[Math.round(p * (sorted.length - 1))];
			expect(Math.abs(q[k] - exact)).toBeLessThanOrEqual(1.4 / 256);
		});
	});
});
