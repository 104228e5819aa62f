/**
 * Every registry entry, three ways: the GPU batch path (f32, one dispatch of 3 series × 3 parameter
 * sets) within its stated tolerance of the f64 CPU batch path, which equals the streaming path to
 * 1e-12; NaN positions identical in all three. On the real TTRC file and on seeded GBM. Entries
 * marked CPU-only in `gpu-support.ts` are held two-way, with the reason in the title.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gpuSupportOf } from '../../core/indicators/gpu-support';
import type { IndicatorDef, Params, RelationDef } from '../../core/indicators/indicator';
import { INDICATORS, RELATIONS } from '../../core/indicators/registry';
import { maxRelativeDiff, runStream } from '../../core/indicators/testing';
import type { OhlcvSeries } from '../../core/ohlcv';
import type { GpuContext } from '../device';
import { nodeGpuOrFail } from '../testing/node-gpu-or-fail';
import { columnError } from './column-error';
import { computeIndicatorGpu } from './compute-indicator-gpu';
import { GPU_TOLERANCE } from './gpu-tolerance';
import { batchColumn } from './run-gpu-plan';
import { paramVariants } from './testing/param-variants';
import { pairedCloses, realSeriesSet, syntheticSeriesSet } from './testing/test-series';

type AnyDef = IndicatorDef | RelationDef;
const isRelation = (def: AnyDef): def is RelationDef => def.category === 'relation';

let gpu: GpuContext;

beforeAll(async () => {
	gpu = await nodeGpuOrFail();
});

afterAll(() => gpu?.device.destroy());

const DATASETS: [string, () => OhlcvSeries[]][] = [
	['real TTRC windows', () => realSeriesSet()],
	['seeded GBM', () => syntheticSeriesSet()]
];
const cache = new Map<string, OhlcvSeries[]>();
const dataset = (name: string, make: () => OhlcvSeries[]) => {
	if (!cache.has(name)) cache.set(name, make());
	return cache.get(name)!;
};

function cpuBatch(def: AnyDef, s: OhlcvSeries, p: Params, other: Float64Array): Float64Array[] {
	return isRelation(def) ? def.compute(s, p, other) : (def as IndicatorDef).compute(s, p);
}

function cpuStream(def: AnyDef, s: OhlcvSeries, p: Params, other: Float64Array): Float64Array[] {
	if (!isRelation(def)) return runStream(def as IndicatorDef, s, p);
	const outs = def.outputs.map(() => new Float64Array(s.close.length));
	const stream = def.stream(p);
	for (let t = 0; t < s.close.length; t++) {
		const bar = {
			time: s.time[t],
			open: s.open[t],
			high: s.high[t],
			low: s.low[t],
			close: s.close[t],
			volume: s.volume[t]
		};
		stream.update(bar, other[t]).forEach((v, o) => (outs[o][t] = v));
	}
	return outs;
}

/** CPU batch = stream (to 1e-12, NaNs included) for every series × parameter set; returns the batch. */
function cpuTwoWay(def: AnyDef, series: OhlcvSeries[], sets: Params[]): Float64Array[][][] {
	const others = pairedCloses(series);
	return series.map((s, si) =>
		sets.map((p) => {
			const batch = cpuBatch(def, s, p, others[si]);
			const stream = cpuStream(def, s, p, others[si]);
			batch.forEach((col, o) => expect(maxRelativeDiff(stream[o], col)).toBeLessThanOrEqual(1e-12));
			return batch;
		})
	);
}

const ENTRIES: AnyDef[] = [...INDICATORS, ...RELATIONS];

describe.each(DATASETS)('every indicator on %s', (name, make) => {
	for (const def of ENTRIES) {
		const support = gpuSupportOf(def.id);
		if (support?.path === 'gpu') {
			const tol = GPU_TOLERANCE[def.id];
			it(`${def.id}: GPU batch within ${tol.bound} of CPU batch = stream, same NaNs (3 series × 3 params, one dispatch)`, async () => {
				const series = dataset(name, make);
				const sets = paramVariants(def);
				const cpu = cpuTwoWay(def, series, sets);
				const batch = await computeIndicatorGpu(gpu, def, series, sets, {
					others: pairedCloses(series)
				});
				series.forEach((_, si) =>
					sets.forEach((p, pi) =>
						cpu[si][pi].forEach((col, o) => {
							const gpuCol = batchColumn(batch, si, pi, o);
							const label = `${def.id}.${def.outputs[o]} series ${si} ${JSON.stringify(p)}`;
							if (tol.discrete?.output === o) {
								const from = cpu[si][pi][tol.discrete.from];
								const cuts = tol.discrete.cuts;
								const offCut = (t: number) => !cuts.some((c) => Math.abs(from[t] - c) <= tol.bound);
								const differs = (t: number) =>
									!Object.is(gpuCol[t], col[t]) && gpuCol[t] !== col[t];
								const bad = Array.from(col.keys()).filter((t) => differs(t) && offCut(t));
								expect(bad, `${label}: rows differing away from a cut`).toEqual([]);
								return;
							}
							const e = columnError(gpuCol, col);
							expect(e.nanMismatches, `${label}: first NaN mismatch at ${e.firstNanMismatch}`).toBe(
								0
							);
							expect(e.scaled, label).toBeLessThanOrEqual(tol.bound);
						})
					)
				);
			});
		} else {
			const reason = support?.path === 'cpu-only' ? support.reason : 'no GPU marker';
			it(`${def.id}: two-way, CPU batch = stream (CPU-only on GPU: ${reason})`, () => {
				expect(support?.path).toBe('cpu-only');
				// One series keeps the EM refits of hmm_regime within the suite's time budget.
				cpuTwoWay(def, dataset(name, make).slice(0, 1), paramVariants(def, 2));
			});
		}
	}
});
