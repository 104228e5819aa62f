import { describe, expect, it } from 'vitest';
import { alterAfter } from '../expr/test-support';
import { ttrcSeries } from '../indicators/testing/ttrc-series';
import type { OhlcvSeries } from '../ohlcv';
import { tripleBarrierLabels } from './triple-barrier-labels';

/** Bars from [open, high, low, close] rows. */
function bars(rows: number[][]): OhlcvSeries {
	const col = (k: number) => Float64Array.from(rows, (r) => r[k]);
	return {
		symbol: 'T',
		time: Float64Array.from(rows, (_, i) => i),
		open: col(0),
		high: col(1),
		low: col(2),
		close: col(3),
		volume: Float64Array.from(rows, () => 1)
	};
}

/**
 * Returns +0.1 then −0.1 give σ₂ = √0.02 over volWindow 2, so with upper = lower = 0.5 the
 * barriers for entry t = 2 (close 99) are 99 · (1 ± 0.5 √0.02) ≈ 106.0 and 92.0.
 */
const HEAD = [
	[100, 100, 100, 100],
	[110, 110, 110, 110],
	[99, 99, 99, 99]
];
const SIGMA = Math.sqrt(0.02);
const OPTIONS = { horizon: 3, upper: 0.5, lower: 0.5, volWindow: 2 };

const at2 = (tail: number[][], vertical: 'zero' | 'sign' = 'zero') => {
	const r = tripleBarrierLabels(bars([...HEAD, ...tail]), { ...OPTIONS, vertical });
	return { label: r.label[2], touch: r.touchIndex[2], ret: r.ret[2], sigma: r.volatility[2] };
};

describe('tripleBarrierLabels', () => {
	it('tripleBarrierLabels labels +1 when the high reaches the upper barrier first', () => {
		const r = at2([
			[100, 104, 95, 101],
			[101, 107, 99, 105],
			[105, 105, 90, 91]
		]);
		expect(r.sigma).toBeCloseTo(SIGMA, 14);
		expect(r).toMatchObject({ label: 1, touch: 4 });
		expect(r.ret).toBeCloseTo(0.5 * SIGMA, 12);
	});

	it('tripleBarrierLabels labels −1 when the low reaches the lower barrier first', () => {
		const r = at2([
			[100, 104, 95, 101],
			[101, 101, 91, 92],
			[92, 110, 92, 108]
		]);
		expect(r).toMatchObject({ label: -1, touch: 4 });
		expect(r.ret).toBeCloseTo(-0.5 * SIGMA, 12);
	});

	it('tripleBarrierLabels takes the lower barrier when one bar touches both', () => {
		const r = at2([
			[100, 104, 95, 101],
			[100, 108, 91, 100],
			[100, 100, 100, 100]
		]);
		expect(r).toMatchObject({ label: -1, touch: 4 });
	});

	it('tripleBarrierLabels exits at the open when a bar gaps through the stop', () => {
		const r = at2([
			[100, 104, 95, 101],
			[90, 95, 89, 94],
			[94, 94, 94, 94]
		]);
		expect(r).toMatchObject({ label: -1, touch: 4 });
		expect(r.ret).toBeCloseTo(90 / 99 - 1, 14);
	});

	it('tripleBarrierLabels gives 0 (or the sign with vertical "sign") at the vertical barrier', () => {
		const tail = [
			[100, 104, 95, 101],
			[101, 105, 97, 100],
			[100, 104, 96, 103]
		];
		expect(at2(tail)).toMatchObject({ label: 0, touch: 5 });
		expect(at2(tail).ret).toBeCloseTo(103 / 99 - 1, 14);
		expect(at2(tail, 'sign')).toMatchObject({ label: 1, touch: 5 });
	});

	it('tripleBarrierLabels is undefined before σ exists and for the last horizon rows', () => {
		const r = tripleBarrierLabels(
			bars([...HEAD, [100, 104, 95, 101], [101, 105, 97, 100], [100, 104, 96, 103]]),
			OPTIONS
		);
		expect(Array.from(r.label)).toEqual([NaN, NaN, 0, NaN, NaN, NaN]);
		expect(Array.from(r.touchIndex)).toEqual([-1, -1, 5, -1, -1, -1]);
	});

	it('tripleBarrierLabels rejects non-positive barriers and short vol windows', () => {
		const s = bars(HEAD);
		expect(() => tripleBarrierLabels(s, { ...OPTIONS, upper: 0 })).toThrow(RangeError);
		expect(() => tripleBarrierLabels(s, { ...OPTIONS, volWindow: 1 })).toThrow(RangeError);
	});

	it('tripleBarrierLabels at t reads only bars t − volWindow … t + horizon', () => {
		const series = ttrcSeries();
		const opts = { horizon: 10, upper: 1.5, lower: 1, volWindow: 20 };
		const base = tripleBarrierLabels(series, opts);
		let defined = 0;
		for (const t of [100, 2_000, 5_000, series.close.length - 30]) {
			const future = tripleBarrierLabels(alterAfter(series, t + opts.horizon, 1.9), opts);
			const pastCut = t - opts.volWindow;
			const past = tripleBarrierLabels(alterBefore(series, pastCut, 0.3), opts);
			for (const other of [future, past]) {
				expect(other.label[t]).toBe(base.label[t]);
				expect(other.touchIndex[t]).toBe(base.touchIndex[t]);
				expect(other.ret[t]).toBe(base.ret[t]);
			}
			if (Number.isFinite(base.label[t])) defined++;
		}
		expect(defined).toBe(4);
	});
});

/** A copy whose bars before row `t` are scaled by `factor`. */
function alterBefore(series: OhlcvSeries, t: number, factor: number): OhlcvSeries {
	const scale = (a: Float64Array) => a.map((v, i) => (i < t ? v * factor : v));
	return {
		...series,
		open: scale(series.open),
		high: scale(series.high),
		low: scale(series.low),
		close: scale(series.close)
	};
}
