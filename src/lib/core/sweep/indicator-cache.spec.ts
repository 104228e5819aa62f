import { afterEach, describe, expect, it, vi } from 'vitest';
import { findIndicator } from '../indicators/registry';
import { generateGbm } from '../synthetic/gbm';
import { crossoverColumns } from './crossover-columns';
import { expandGrid } from './expand-grid';
import { IndicatorCache } from './indicator-cache';
import { levelBandColumns } from './level-band-columns';

const series = generateGbm({ seed: 7, bars: 300, s0: 100, mu: 0.05, sigma: 0.2, symbol: 'SYN' });

afterEach(() => {
	vi.restoreAllMocks();
});

describe('IndicatorCache', () => {
	it('computes each distinct indicator and parameter set once and returns the same array', () => {
		const cache = new IndicatorCache(series);
		const a = cache.get('sma', { n: 20 });
		expect(cache.get('sma', { n: 20 })).toBe(a);
		expect(cache.get('sma', { n: 10 })).toBe(cache.get('sma', {})); // default n = 10
		expect(cache.computations).toBe(2);
		expect(a).toEqual(findIndicator('sma')!.compute(series, { n: 20 })[0]);
	});

	it('selects outputs by index or name', () => {
		const cache = new IndicatorCache(series);
		expect(cache.get('macd', {}, 'signal')).toBe(cache.get('macd', {}, 1));
		expect(cache.computations).toBe(1);
	});

	it('rejects unknown indicators, invalid parameters and unknown outputs', () => {
		const cache = new IndicatorCache(series);
		expect(() => cache.get('nope')).toThrow(/unknown indicator/);
		expect(() => cache.get('sma', { n: 0 })).toThrow(/n must be/);
		expect(() => cache.get('sma', {}, 'signal')).toThrow(/no output/);
	});
});

describe('signal builders reuse indicators', () => {
	it('crossoverColumns over fast × slow × band computes one SMA per distinct length', () => {
		const compute = vi.spyOn(findIndicator('sma')!, 'compute');
		const cache = new IndicatorCache(series);
		const combos = expandGrid({ fast: [3, 5, 8], slow: [20, 40], band: [0, 0.002, 0.01] });
		const columns = crossoverColumns(cache, combos);
		expect(columns).toHaveLength(18);
		expect(compute).toHaveBeenCalledTimes(5);
		expect(cache.computations).toBe(5);
		expect(columns[0].signal).toBe(columns[5].signal); // fast 3 shared across slow × band
	});

	it('levelBandColumns over RSI periods × thresholds computes RSI once per period', () => {
		const compute = vi.spyOn(findIndicator('rsi')!, 'compute');
		const cache = new IndicatorCache(series);
		const combos = expandGrid({ n: [7, 14], lower: [20, 30], upper: [70, 80] });
		const columns = levelBandColumns(cache, combos, { indicator: 'rsi' });
		expect(columns).toHaveLength(8);
		expect(compute).toHaveBeenCalledTimes(2);
		expect(columns[0]).toMatchObject({ lower: 20, upper: 70, below: 1, above: -1, between: 0 });
	});
});
