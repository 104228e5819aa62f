import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	computeFeaturesCpu,
	DEFAULT_FEATURES,
	featureName,
	type FeatureSpec
} from '../core/features';
import { syntheticCloses } from '../core/features/synthetic-closes';
import type { OhlcvSeries } from '../core/ohlcv';
import { adapterLabel, type GpuContext } from './device';
import { computeFeatures } from './features';
import { nodeGpuOrFail } from './testing/node-gpu-or-fail';
import { twinTolerance } from './twin-tolerance';

/** Close prices of the bundled TTR `ttrc` dataset (5,550 daily bars), read with a plain split. */
function ttrcClose(): Float64Array {
	const lines = readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8')
		.trim()
		.split('\n')
		.slice(1);
	return Float64Array.from(lines, (l) => Number(l.split(',')[4]));
}

const seriesOf = (close: Float64Array): OhlcvSeries => {
	const time = Float64Array.from(close, (_, i) => i * 86_400_000);
	return { symbol: 'T', time, open: close, high: close, low: close, close, volume: close };
};

/** Every kernel path: both sources, both rolling kinds, the smallest and some large sizes. */
const SPECS: FeatureSpec[] = [
	...DEFAULT_FEATURES,
	{ kind: 'rolling_mean', window: 20 },
	{ kind: 'rolling_std', window: 20 },
	{ kind: 'ema', period: 9, source: 'log_return' },
	{ kind: 'rolling_mean', window: 1 },
	{ kind: 'rolling_std', window: 2 },
	{ kind: 'ema', period: 1 },
	{ kind: 'rolling_std', window: 250, source: 'log_return' },
	{ kind: 'ema', period: 200 }
];

let gpu: GpuContext;

beforeAll(async () => {
	gpu = await nodeGpuOrFail();
});

afterAll(() => gpu?.device.destroy());

/** Asserts identical NaN positions and every value within `twinTolerance`; returns worst error/tolerance. */
function expectTwins(close: Float64Array, specs: FeatureSpec[], gpuColumns: Float32Array[]) {
	const cpu = computeFeaturesCpu(seriesOf(close), specs);
	specs.forEach((spec, k) => {
		const name = featureName(spec);
		const c = cpu.columns[k];
		const g = gpuColumns[k];
		expect(g, name).toHaveLength(c.length);
		const nanRows = (col: Float32Array) =>
			col.reduce<number[]>((rows, v, i) => (Number.isNaN(v) ? [...rows, i] : rows), []);
		expect(nanRows(g), `${name}: NaN rows`).toEqual(nanRows(c));
		let worst = { ratio: 0, row: -1 };
		for (let i = 0; i < c.length; i++) {
			if (Number.isNaN(c[i])) continue;
			const ratio = Math.abs(g[i] - c[i]) / twinTolerance(spec, close, i, c[i]);
			if (ratio > worst.ratio) worst = { ratio, row: i };
		}
		expect(worst.ratio, `${name}: worst error / tolerance at row ${worst.row}`).toBeLessThanOrEqual(
			1
		);
	});
}

describe('computeFeatures on WebGPU (Dawn) matches the CPU twins', () => {
	it('reports the WebGPU engine and whether the adapter is software', async () => {
		const { engine } = await computeFeatures(seriesOf(syntheticCloses(10, 1)), DEFAULT_FEATURES, {
			gpu
		});
		expect(engine.kind).toBe('webgpu');
		expect(engine.adapter).toBe(adapterLabel(gpu.adapterInfo));
		expect(engine.adapter).toMatch(/\S/);
		expect(engine.software).toBe(gpu.isSoftware);
		// A software adapter is always labelled as such for the user.
		if (gpu.isSoftware) expect(engine.notice).toMatch(/software adapter/);
	});

	it('matches the CPU twins on the 5,550 TTRC daily bars, NaN rows included', async () => {
		const close = ttrcClose();
		expect(close).toHaveLength(5550);
		const { matrix } = await computeFeatures(seriesOf(close), SPECS, { gpu });
		expect(matrix.names).toEqual(SPECS.map(featureName));
		expect(matrix.warmup).toBe(250);
		expectTwins(close, SPECS, matrix.columns);
	});

	it.each([1, 2, 19, 20, 21, 1000])('matches the CPU twins on a %i-bar random walk', async (n) => {
		const close = syntheticCloses(n, n);
		const { matrix } = await computeFeatures(seriesOf(close), SPECS, { gpu });
		expectTwins(close, SPECS, matrix.columns);
	});

	it('gives NaN in the same rows as the CPU around missing, zero and negative prices', async () => {
		const close = syntheticCloses(400, 9);
		close[30] = NaN;
		close[100] = 0;
		close[101] = -5;
		close[250] = Infinity;
		const { matrix } = await computeFeatures(seriesOf(close), SPECS, { gpu });
		expectTwins(close, SPECS, matrix.columns);
	});

	it('computes an empty series and an empty spec list without dispatching', async () => {
		const empty = await computeFeatures(seriesOf(new Float64Array(0)), DEFAULT_FEATURES, { gpu });
		expect(empty.matrix.columns.map((c) => c.length)).toEqual([0, 0, 0, 0, 0]);
		const none = await computeFeatures(seriesOf(syntheticCloses(5, 1)), [], { gpu });
		expect(none.matrix).toEqual({ names: [], columns: [], length: 5, warmup: 0 });
	});
});
