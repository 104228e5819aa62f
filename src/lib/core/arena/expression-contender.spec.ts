import { describe, expect, it } from 'vitest';
import { generateGbm } from '../synthetic/gbm';
import { expressionContender, fillTemplate, gridPoints } from './expression-contender';
import { EXPRESSION_PRESETS } from './expression-presets';
import { predictionContender } from './prediction-contender';

const series = generateGbm({ seed: 2, bars: 300, s0: 50, mu: 0, sigma: 0.3, symbol: 'X' });

describe('expressionContender', () => {
	it('fills placeholders and expands the grid as a Cartesian product', () => {
		expect(fillTemplate('Mean($close, {n}) / {k}', { n: 5, k: 2 })).toBe('Mean($close, 5) / 2');
		expect(gridPoints({ a: [1, 2], b: [3] })).toEqual([
			{ a: 1, b: 3 },
			{ a: 2, b: 3 }
		]);
	});

	it('offers one candidate per grid point for every preset, all compiling', () => {
		for (const preset of EXPRESSION_PRESETS) {
			const r = expressionContender(preset);
			expect(r.ok).toBe(true);
			if (r.ok) expect(r.value.candidates?.length).toBe(gridPoints(preset.grid).length);
		}
	});

	it('reports a typo before the session starts', () => {
		const r = expressionContender({
			id: 'x',
			label: 'Bad',
			template: 'Mean($close,',
			grid: {},
			threshold: 0,
			allowShort: true
		});
		expect(r).toMatchObject({ ok: false, code: 'bad_input' });
	});

	it('is flat during warm-up and only long/flat when shorts are off', () => {
		const r = expressionContender({
			id: 'm',
			label: 'Mom',
			template: '$close / Ref($close, 20) - 1',
			grid: {},
			threshold: 0,
			allowShort: false
		});
		if (!r.ok) throw new Error(r.message);
		const t = r.value.targets(series, { start: 0, end: 300 });
		expect(Array.from(t.subarray(0, 20))).toEqual(new Array(20).fill(0));
		expect(t.every((x) => x === 0 || x === 1)).toBe(true);
	});

	it('gives a window the same targets as the whole series sliced (no look-ahead across windows)', () => {
		const r = expressionContender(EXPRESSION_PRESETS[0]);
		if (!r.ok) throw new Error(r.message);
		const k = r.value.candidates![0];
		expect(k.targets(series, { start: 100, end: 200 })).toEqual(
			k.targets(series, { start: 0, end: 300 }).subarray(100, 200)
		);
	});
});

describe('predictionContender', () => {
	it('trades stored predictions on the matching bars and is flat elsewhere', () => {
		const c = predictionContender({
			id: 'run',
			label: 'GRU',
			time: series.time.slice(10, 13),
			predictions: Float32Array.of(0.01, -0.02, 0)
		});
		expect(Array.from(c.targets(series, { start: 9, end: 14 }))).toEqual([NaN, 1, -1, 0, NaN]);
	});
});
