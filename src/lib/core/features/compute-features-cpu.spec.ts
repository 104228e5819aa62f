import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OhlcvSeries } from '../ohlcv';
import { computeFeaturesCpu } from './compute-features-cpu';
import { DEFAULT_FEATURES } from './default-features';
import { ema } from './ema';
import { logReturn } from './log-return';
import { rollingStd } from './rolling-std';
import { warmup } from './warmup';

/** Close prices of the bundled TTR `ttrc` dataset (5,550 daily bars), read with a plain split. */
function ttrcSeries(): OhlcvSeries {
	const lines = readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8')
		.trim()
		.split('\n')
		.slice(1);
	const col = (k: number) => Float64Array.from(lines, (l) => Number(l.split(',')[k]));
	const time = Float64Array.from(lines, (l) => Date.parse(l.split(',')[0].replaceAll('"', '')));
	return {
		symbol: 'TTRC',
		time,
		open: col(1),
		high: col(2),
		low: col(3),
		close: col(4),
		volume: col(5)
	};
}

describe('computeFeaturesCpu', () => {
	const series = ttrcSeries();
	const m = computeFeaturesCpu(series, DEFAULT_FEATURES);

	it('computeFeaturesCpu names one Float32 column per spec, each as long as the series', () => {
		expect(m.names).toEqual([
			'log_return',
			'rolling_mean_20_log_return',
			'rolling_std_20_log_return',
			'ema_12',
			'ema_26'
		]);
		expect(m.length).toBe(5550);
		for (const c of m.columns) {
			expect(c).toBeInstanceOf(Float32Array);
			expect(c).toHaveLength(5550);
		}
	});

	it('computeFeaturesCpu leaves exactly warmup(spec) NaN rows on clean data and reports the largest', () => {
		DEFAULT_FEATURES.forEach((spec, k) => {
			const col = m.columns[k];
			expect(col.findIndex((v) => !Number.isNaN(v))).toBe(warmup(spec));
			expect(col.slice(warmup(spec)).every(Number.isFinite)).toBe(true);
		});
		expect(m.warmup).toBe(25); // ema_26 of close
	});

	it('computeFeaturesCpu stores the f64 results rounded once to f32', () => {
		const r = logReturn(series.close);
		expect(m.columns[0]).toEqual(new Float32Array(r));
		expect(m.columns[2]).toEqual(new Float32Array(rollingStd(r, 20)));
		expect(m.columns[4]).toEqual(new Float32Array(ema(series.close, 26)));
	});

	it('computeFeaturesCpu of no specs is an empty matrix with no warm-up', () => {
		expect(computeFeaturesCpu(series, [])).toEqual({
			names: [],
			columns: [],
			length: 5550,
			warmup: 0
		});
	});
});
