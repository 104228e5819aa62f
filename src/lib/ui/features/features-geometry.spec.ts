import { describe, expect, it } from 'vitest';
import { candleChartGeometry, isPriceScale } from './candle-geometry';
import { correlationColor, heatmapGeometry } from './heatmap-geometry';

const close = Float64Array.of(100, 101, 102, 103, 104);
const bars = {
	time: Float64Array.of(0, 1, 2, 3, 4),
	open: Float64Array.of(99, 102, 101, 103, 105),
	high: Float64Array.of(101, 103, 103, 104, 106),
	low: Float64Array.of(98, 100, 100, 102, 103),
	close
};
const frame = { width: 500, height: 300, left: 40, right: 10, top: 10, bottom: 20 };

describe('isPriceScale', () => {
	it('puts moving averages on the price scale and RSI or returns in a sub-panel', () => {
		expect(isPriceScale(Float64Array.of(NaN, NaN, 101, 102, 103), close)).toBe(true);
		expect(isPriceScale(Float64Array.of(NaN, 35, 30, 25, 40), close)).toBe(false);
		expect(isPriceScale(Float64Array.of(NaN, 0.01, -0.02, 0.01, 0), close)).toBe(false);
		expect(isPriceScale(Float64Array.of(NaN, NaN, NaN, NaN, NaN), close)).toBe(false);
	});
});

describe('candleChartGeometry', () => {
	it('draws one candle per bar, up when close ≥ open, wicks spanning high to low', () => {
		const g = candleChartGeometry(bars, [], frame);
		expect(g.candles.map((c) => c.up)).toEqual([true, false, true, true, false]);
		for (const c of g.candles) expect(c.wickTop).toBeLessThanOrEqual(c.bodyY);
		expect(g.oscillatorPanel).toBeNull();
	});

	it('splits overlays between the price panel and an oscillator sub-panel below it', () => {
		const g = candleChartGeometry(
			bars,
			[
				{ name: 'sma', values: Float64Array.of(NaN, NaN, 101, 102, 103), color: 'red' },
				{ name: 'rsi', values: Float64Array.of(NaN, 35, 30, 25, 40), color: 'blue' }
			],
			frame
		);
		expect(g.pricePaths.map((p) => p.name)).toEqual(['sma']);
		expect(g.oscillatorPaths.map((p) => p.name)).toEqual(['rsi']);
		expect(g.oscillatorPanel![0]).toBeGreaterThan(g.pricePanel[1]);
		// The warm-up is a gap: the path starts at the first finite value (one M command).
		expect(g.pricePaths[0].d.match(/M/g)).toHaveLength(1);
	});
});

describe('heatmapGeometry', () => {
	it('colours +1 red, −1 blue and labels every cell with its pair and value', () => {
		expect(correlationColor(1)).not.toBe(correlationColor(-1));
		expect(correlationColor(NaN)).toBe('#4b5563');
		const g = heatmapGeometry(
			['a', 'b'],
			[
				[1, -0.5],
				[-0.5, 1]
			],
			{ size: 200, offset: 80 }
		);
		expect(g.cells).toHaveLength(4);
		expect(g.cells[1].label).toBe('a × b: -0.50');
		expect(g.cells[1].x).toBeGreaterThan(g.cells[0].x);
	});
});
