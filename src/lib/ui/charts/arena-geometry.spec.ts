import { describe, expect, it } from 'vitest';
import {
	CANDLE_LIMIT,
	drawdownGeometry,
	fanGeometry,
	histogramGeometry,
	priceGeometry
} from './arena-geometry';

const box = { width: 400, height: 200, margin: { top: 10, right: 10, bottom: 20, left: 40 } };

describe('arena chart geometry', () => {
	it('fanGeometry draws two bands and a median inside the plot', () => {
		const bands = [0.8, 0.9, 1, 1.1, 1.2].map((k) =>
			Float64Array.from({ length: 20 }, (_, i) => 1 + ((k - 1) * i) / 10)
		);
		const g = fanGeometry(bands, box);
		expect(g.outer.startsWith('M')).toBe(true);
		expect(g.inner.startsWith('M')).toBe(true);
		expect(g.median.startsWith('M40,')).toBe(true);
	});

	it('histogramGeometry gives one bar per bin with heights in proportion to counts', () => {
		const g = histogramGeometry({ lo: -0.02, hi: 0.02, counts: Uint32Array.of(1, 4, 2, 0) }, box);
		expect(g.bars).toHaveLength(4);
		expect(g.bars[1].height).toBeCloseTo(4 * g.bars[0].height, 6);
		expect(g.bars[3].height).toBe(0);
		expect(g.zeroX).not.toBeNull();
	});

	it('drawdownGeometry draws one area per series', () => {
		const time = Float64Array.from({ length: 10 }, (_, i) => Date.UTC(2020, 0, 1 + i));
		const g = drawdownGeometry(
			time,
			[{ name: 'a', color: '#fff', drawdown: new Float64Array(10).fill(-0.1) }],
			box
		);
		expect(g.areas).toHaveLength(1);
		expect(g.areas[0].d.startsWith('M')).toBe(true);
	});

	it('priceGeometry draws candles for short series, a line for long ones, and keeps markers on the bars', () => {
		const bars = (n: number) => ({
			time: Float64Array.from({ length: n }, (_, i) => Date.UTC(2020, 0, 1) + i * 864e5),
			open: new Float64Array(n).fill(10),
			high: new Float64Array(n).fill(11),
			low: new Float64Array(n).fill(9),
			close: new Float64Array(n).fill(10.5)
		});
		const short = priceGeometry(
			bars(50),
			[
				{ bar: 3, price: 10, side: 1, kind: 'entry' },
				{ bar: 99, price: 10, side: 1, kind: 'exit' }
			],
			box
		);
		expect(short.candles).toHaveLength(50);
		expect(short.markers).toHaveLength(1);
		const long = priceGeometry(bars(CANDLE_LIMIT + 1), [], box);
		expect(long.candles).toHaveLength(0);
		expect(long.closeLine.startsWith('M')).toBe(true);
	});
});
