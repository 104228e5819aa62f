// The GPU engine of feature pipelines (issue #3: the batch WGSL path used by the app's pipeline
// runner): on Dawn + SwiftShader, a pipeline run with the indicator steps on the GPU equals the CPU
// run column by column within each indicator's stated f32 tolerance, with identical warm-up NaNs,
// and leaves expressions, relations and CPU-only indicators to the CPU.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sliceSeries } from '../../core/arena/slice-series';
import { ttrcSeries } from '../../core/indicators/testing/ttrc-series';
import type { OhlcvSeries } from '../../core/ohlcv';
import { runPipeline, runPipelineCancellable, validatePipelineSpec } from '../../core/pipelines';
import { computePipeline } from '../../pipeline/feature-pipeline';
import { AxonDb } from '../../store/db';
import type { GpuContext } from '../device';
import { nodeGpuOrFail } from '../testing/node-gpu-or-fail';
import { columnError } from './column-error';
import { GPU_TOLERANCE } from './gpu-tolerance';
import { pipelineGpuSteps, runsOnGpu } from './pipeline-gpu-steps';

let gpu: GpuContext;
beforeAll(async () => {
	gpu = await nodeGpuOrFail();
});
afterAll(() => gpu?.device.destroy());

const SPEC = {
	transformations: [
		{ kind: 'indicator', id: 'rsi', params: { n: 14 } },
		{ kind: 'indicator', id: 'ema', params: { n: 12 } },
		{ kind: 'indicator', id: 'bollinger', params: { period: 20 } },
		{ kind: 'indicator', id: 'atr' },
		{ kind: 'indicator', id: 'macd' },
		{ kind: 'indicator', id: 'rolling_median', params: { window: 10 } },
		{ kind: 'indicator', id: 'hmm_regime' },
		{ kind: 'expression', name: 'mom5', expression: '$close / Ref($close, 5) - 1' }
	],
	labels: [{ kind: 'forward_return', horizon: 3 }]
};

const last = (s: OhlcvSeries, bars: number) =>
	sliceSeries(s, s.close.length - bars, s.close.length);

describe('feature pipelines on the GPU engine', () => {
	it('equal the CPU engine column by column within each indicator’s f32 tolerance on real TTRC bars', async () => {
		const series = last(ttrcSeries(), 1500);
		const v = validatePipelineSpec(SPEC);
		if (!v.ok) throw new Error(v.message);
		const onGpu = v.value.steps
			.filter(runsOnGpu)
			.map((s) => (s.kind === 'indicator' ? s.def.id : ''));
		// hmm_regime is CPU-only (an EM fit per window); the expression runs on the CPU too.
		expect(onGpu).toEqual(['rsi', 'ema', 'bollinger', 'atr', 'macd', 'rolling_median']);
		const pre = await pipelineGpuSteps(gpu, series, v.value.steps);
		const gpuTable = await runPipelineCancellable(series, v.value, { precomputed: pre });
		const cpuTable = runPipeline(series, v.value);
		expect(gpuTable?.names).toEqual(cpuTable.names);
		for (const step of v.value.steps) {
			step.names.forEach((name) => {
				const k = cpuTable.names.indexOf(name);
				const e = columnError(gpuTable!.columns[k], cpuTable.columns[k]);
				expect(e.nanMismatches, `${name}: warm-up NaNs`).toBe(0);
				if (!runsOnGpu(step)) expect(gpuTable!.columns[k]).toEqual(cpuTable.columns[k]);
				else if (step.kind === 'indicator')
					expect(e.scaled, name).toBeLessThanOrEqual(GPU_TOLERANCE[step.def.id].bound);
			});
		}
	});

	it('are cached apart from CPU tables and report which columns the GPU computed, on which adapter', async () => {
		const db = new AxonDb(`gpu-pipeline-${crypto.randomUUID()}`);
		const s = last(ttrcSeries(), 400);
		const { symbol, ...columns } = s;
		await db.datasets.put({
			id: 'd',
			name: 'TTRC',
			symbol,
			source: 'upload',
			contentHash: 'e'.repeat(64),
			rows: 400,
			firstTime: s.time[0],
			lastTime: s.time[399],
			warnings: [],
			createdAt: 1,
			columns
		});
		const spec = { transformations: SPEC.transformations.slice(0, 2) };
		const cpu = await computePipeline(db, 'd', spec);
		const onGpu = await computePipeline(db, 'd', spec, { gpu });
		if (!cpu.ok || !onGpu.ok) throw new Error('pipeline failed');
		expect(cpu.value.gpuColumns).toEqual([]);
		expect(onGpu.value.cacheHit).toBe(false);
		expect(onGpu.value.gpuColumns).toEqual(['rsi_14', 'ema_12']);
		expect(onGpu.value.adapter).toMatch(/software, not a GPU/);
		const again = await computePipeline(db, 'd', spec, { gpu });
		expect(again.ok && again.value.cacheHit).toBe(true);
	});
});
