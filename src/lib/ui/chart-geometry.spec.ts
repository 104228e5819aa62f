import { describe, expect, it } from 'vitest';
import { lineChartGeometry } from './chart-geometry';

const frame = {
	width: 400,
	height: 200,
	margin: { top: 10, right: 10, bottom: 20, left: 40 },
	xKind: 'linear' as const
};

describe('lineChartGeometry', () => {
	it('draws one path per series inside the frame', () => {
		const g = lineChartGeometry(
			[
				{ name: 'loss', x: [1, 2, 3], y: [3, 2, 1], color: 'red' },
				{ name: 'val', x: [1, 2, 3], y: [3.5, 2.5, 2], color: 'blue' }
			],
			frame
		);
		expect(g.paths.map((p) => p.name)).toEqual(['loss', 'val']);
		expect(g.paths[0].d.startsWith('M40,')).toBe(true);
		expect(g.yTicks.length).toBeGreaterThan(1);
	});

	it('breaks the line at NaN warm-up values instead of plotting zeros', () => {
		const g = lineChartGeometry(
			[{ name: 'ema', x: [1, 2, 3, 4], y: [NaN, NaN, 1, 2], color: 'red' }],
			frame
		);
		expect(g.paths[0].d.match(/M/g)).toHaveLength(1);
		expect(g.paths[0].d.match(/L/g)).toHaveLength(1);
	});

	it('marks a lone point so a one-epoch loss curve is visible', () => {
		const g = lineChartGeometry([{ name: 'loss', x: [1], y: [0.5], color: 'red' }], frame);
		expect(g.paths[0].points).toHaveLength(1);
		expect(g.paths[0].points[0].x).toBeCloseTo(200 + 15, 0);
	});

	it('reports an empty chart when there is nothing finite to draw', () => {
		expect(lineChartGeometry([{ name: 'x', x: [1], y: [NaN], color: 'red' }], frame).empty).toBe(
			true
		);
	});

	it('labels a multi-year time axis by distinct years', () => {
		const day = 86_400_000;
		const x = Array.from({ length: 3000 }, (_, i) => Date.UTC(1990, 0, 1) + i * day);
		const g = lineChartGeometry([{ name: 'p', x, y: x.map((_, i) => i), color: 'red' }], {
			...frame,
			xKind: 'time'
		});
		const labels = g.xTicks.map((t) => t.label);
		expect(labels.every((l) => /^\d{4}$/.test(l))).toBe(true);
		expect(new Set(labels).size).toBe(labels.length);
		expect(labels.length).toBeLessThanOrEqual(6);
	});
});
