import { describe, expect, it } from 'vitest';
import {
	maxDrawdown,
	runBacktest,
	sharpeRatio,
	thresholdPositions,
	totalReturn
} from '../backtest';
import { findIndicator } from '../indicators/registry';
import type { OhlcvSeries } from '../ohlcv';
import { generateGbm } from '../synthetic/gbm';
import { crossoverColumns } from './crossover-columns';
import { expandGrid } from './expand-grid';
import { IndicatorCache } from './indicator-cache';
import { levelBandColumns } from './level-band-columns';
import { mergeChunks } from './merge-chunks';
import { runSweep } from './run-sweep';
import { runSweepChunk } from './run-sweep-chunk';
import type { SweepChunk } from './sweep-types';

const PPY = 252;
const FEE = 10;
const gbm = generateGbm({ seed: 11, bars: 600, s0: 100, mu: 0.05, sigma: 0.3, symbol: 'SYN' });

function withClose(series: OhlcvSeries, close: Float64Array): OhlcvSeries {
	return { ...series, close };
}

/** The tradable decision bars: close[t] and close[t + 1] finite and > 0, as runBacktest demands. */
function tradableIndex(close: Float64Array): Int32Array {
	const index: number[] = [];
	for (let t = 0; t + 1 < close.length; t++) {
		const ok = [close[t], close[t + 1]].every((c) => Number.isFinite(c) && c > 0);
		if (ok) index.push(t);
	}
	return Int32Array.from(index);
}

/** An independent column: indicators recomputed, positions by thresholdPositions, runBacktest. */
function reference(close: Float64Array, wanted: Float64Array, index: Int32Array) {
	const run = runBacktest({
		close,
		positions: Float64Array.from(index, (t) => wanted[t]),
		index,
		feeBps: FEE,
		periodsPerYear: PPY
	});
	return { run, sharpe: sharpeRatio(run.returns, PPY) ?? NaN };
}

function expectColumn(chunk: SweepChunk, c: number, ref: ReturnType<typeof reference>) {
	const i = c - chunk.from;
	expect(chunk.bars).toBe(ref.run.returns.length);
	expect(Math.abs(chunk.finalReturn[i] - totalReturn(ref.run.equity))).toBeLessThanOrEqual(1e-12);
	expect(
		Math.abs(chunk.maxDrawdown[i] - maxDrawdown(ref.run.equity).maxDrawdown)
	).toBeLessThanOrEqual(1e-12);
	if (Number.isNaN(ref.sharpe)) expect(chunk.sharpe[i]).toBeNaN();
	else expect(Math.abs(chunk.sharpe[i] - ref.sharpe)).toBeLessThanOrEqual(1e-12);
	expect(chunk.trades[i]).toBe(ref.run.trades);
	expect(Math.abs(chunk.turnover[i] - ref.run.turnover)).toBeLessThanOrEqual(1e-12);
	expect(Math.abs(chunk.turnoverPerYear[i] - ref.run.turnoverPerYear)).toBeLessThanOrEqual(1e-12);
}

/** fast / slow − 1 with both SMAs computed afresh for this column alone. */
function crossoverSpread(series: OhlcvSeries, fast: number, slow: number): Float64Array {
	const sma = findIndicator('sma')!;
	const f = sma.compute(series, { n: fast })[0];
	const s = sma.compute(series, { n: slow })[0];
	return f.map((v, t) => v / s[t] - 1);
}

const crossGrid = expandGrid({ fast: [3, 5, 8], slow: [20, 40], band: [0, 0.002, 0.01] });

describe('runSweep', () => {
	it('runSweep(series, crossoverColumns) equals per-column runBacktest + metrics to 1e-12', () => {
		const columns = crossoverColumns(new IndicatorCache(gbm), crossGrid);
		const result = runSweep(gbm, columns, { feeBps: FEE, periodsPerYear: PPY });
		const index = tradableIndex(gbm.close);
		crossGrid.forEach(({ fast, slow, band }, c) => {
			const wanted = thresholdPositions(crossoverSpread(gbm, fast, slow), band);
			expectColumn(result, c, reference(gbm.close, wanted, index));
		});
	});

	it('keepEquity returns the very equity curve runBacktest computes', () => {
		const columns = crossoverColumns(new IndicatorCache(gbm), crossGrid);
		const result = runSweep(gbm, columns, { feeBps: FEE, periodsPerYear: PPY, keepEquity: [4] });
		const { fast, slow, band } = crossGrid[4];
		const wanted = thresholdPositions(crossoverSpread(gbm, fast, slow), band);
		const ref = reference(gbm.close, wanted, tradableIndex(gbm.close));
		expect([...result.equity.keys()]).toEqual([4]);
		expect(result.equity.get(4)).toEqual(ref.run.equity);
	});

	it('RSI level columns (contrarian 30/70) equal per-column runBacktest', () => {
		const grid = expandGrid({ n: [7, 14], lower: [25, 30], upper: [70] });
		const columns = levelBandColumns(new IndicatorCache(gbm), grid, { indicator: 'rsi' });
		const result = runSweep(gbm, columns, { feeBps: FEE, periodsPerYear: PPY });
		const index = tradableIndex(gbm.close);
		grid.forEach(({ n, lower, upper }, c) => {
			const rsi = findIndicator('rsi')!.compute(gbm, { n })[0];
			const wanted = rsi.map((v) => (v < lower ? 1 : v > upper ? -1 : 0));
			expectColumn(result, c, reference(gbm.close, wanted, index));
		});
	});

	it('signalLag 2 fills one bar later: runBacktest with positions shifted by a bar', () => {
		const columns = crossoverColumns(new IndicatorCache(gbm), crossGrid);
		const result = runSweep(gbm, columns, { feeBps: FEE, periodsPerYear: PPY, signalLag: 2 });
		const { fast, slow, band } = crossGrid[7];
		const decided = thresholdPositions(crossoverSpread(gbm, fast, slow), band);
		const wanted = decided.map((_, t) => (t === 0 ? 0 : decided[t - 1]));
		expectColumn(result, 7, reference(gbm.close, wanted, tradableIndex(gbm.close)));
	});

	it('a NaN close makes its bars untradable: a held position exits before the gap, as runBacktest over the tradable index', () => {
		const close = gbm.close.slice();
		close[250] = NaN; // bars 249 → 250 and 250 → 251 cannot be traded
		const series = withClose(gbm, close);
		const columns = crossoverColumns(new IndicatorCache(series), crossGrid);
		const result = runSweep(series, columns, { feeBps: FEE, periodsPerYear: PPY });
		const index = tradableIndex(close);
		expect(result.bars).toBe(close.length - 3);
		crossGrid.forEach(({ fast, slow, band }, c) => {
			const wanted = thresholdPositions(crossoverSpread(series, fast, slow), band);
			expectColumn(result, c, reference(close, wanted, index));
		});
		// Column 0 (SMA 3 / 20, no band) is in the market going into the gap, so the exit fee is exercised.
		expect(thresholdPositions(crossoverSpread(series, 3, 20), 0)[248]).not.toBe(0);
		// The SMAs are NaN again after the gap until warmed up, so every column is flat just after it.
		expect(columns[0].signal[251]).toBeNaN();
	});

	it('holding +1 then −1 over closes 100, 110, 99 with no fee returns 1.1 × 1.1 − 1', () => {
		const close = Float64Array.of(100, 110, 99, 99);
		const series = withClose(gbm, close);
		const column = {
			params: {},
			signal: Float64Array.of(1, -1, 0, 0),
			reference: 0,
			spread: 'difference' as const,
			lower: -0.5,
			upper: 0.5,
			above: 1,
			below: -1,
			between: 0
		};
		const result = runSweep({ ...series, time: close }, [column], { feeBps: 0, periodsPerYear: 1 });
		expect(result.finalReturn[0]).toBeCloseTo(0.21, 14);
		expect(result.trades[0]).toBe(3); // enter long, flip short, exit flat
		expect(result.turnover[0]).toBe(4);
	});

	it('a column that never trades has an undefined (NaN) Sharpe ratio, no trades and no return', () => {
		const columns = crossoverColumns(new IndicatorCache(gbm), [{ fast: 3, slow: 20, band: 10 }]);
		const result = runSweep(gbm, columns, { feeBps: FEE, periodsPerYear: PPY });
		expect(result.sharpe[0]).toBeNaN();
		expect(result.trades[0]).toBe(0);
		expect(result.finalReturn[0]).toBe(0);
	});

	it('rejects a look-ahead lag, a misordered band and a short signal', () => {
		const columns = crossoverColumns(new IndicatorCache(gbm), crossGrid.slice(0, 1));
		const opts = { feeBps: FEE, periodsPerYear: PPY };
		expect(() => runSweep(gbm, columns, { ...opts, signalLag: 0 })).toThrow(/signalLag/);
		expect(() => runSweep(gbm, [{ ...columns[0], lower: 1, upper: 0 }], opts)).toThrow(/band/);
		expect(() => runSweep(gbm, [{ ...columns[0], signal: new Float64Array(3) }], opts)).toThrow(
			/signal has 3 values/
		);
	});
});

describe('runSweepChunk + mergeChunks', () => {
	const columns = crossoverColumns(new IndicatorCache(gbm), crossGrid);
	const opts = { feeBps: FEE, periodsPerYear: PPY, keepEquity: [2, 12] };

	it('chunks merged in any order equal one run over all columns', () => {
		const whole = runSweep(gbm, columns, opts);
		const parts = [
			runSweepChunk(gbm, columns, 11, 18, opts),
			runSweepChunk(gbm, columns, 0, 5, opts),
			runSweepChunk(gbm, columns, 5, 11, opts)
		];
		expect(mergeChunks(parts)).toEqual(whole);
	});

	it('mergeChunks rejects a hole between chunks', () => {
		const parts = [
			runSweepChunk(gbm, columns, 0, 5, opts),
			runSweepChunk(gbm, columns, 6, 18, opts)
		];
		expect(() => mergeChunks(parts)).toThrow(/does not follow/);
	});
});
