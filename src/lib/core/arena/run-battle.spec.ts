import { describe, expect, it } from 'vitest';
import { generateGbm } from '../synthetic/gbm';
import type { BattleConfig, BattleProgress } from './battle-types';
import { buyAndHoldContender } from './buy-and-hold-contender';
import type { Contender } from './contender';
import { expressionContender } from './expression-contender';
import { EXPRESSION_PRESETS } from './expression-presets';
import { runBattle } from './run-battle';
import { simulate } from './simulate';
import { sliceSeries } from './slice-series';

const series = generateGbm({ seed: 5, bars: 700, s0: 100, mu: 0.05, sigma: 0.2, symbol: 'GBM' });
const config: BattleConfig = {
	walkForward: { windows: 3, trainBars: 250, mode: 'rolling' },
	execution: { fees: { bps: 5 } },
	periodsPerYear: 252,
	seed: 1,
	resamples: 100,
	fanPaths: 40
};
const preset = (id: string) => {
	const r = expressionContender(EXPRESSION_PRESETS.find((p) => p.id === id)!);
	if (!r.ok) throw new Error(r.message);
	return r.value;
};

describe('runBattle', () => {
	it('ranks every contender plus the buy-and-hold benchmark on the same out-of-sample bars', async () => {
		const r = await runBattle(series, [preset('sma-cross'), preset('momentum')], config);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const o = r.value;
		expect(o.contenders.map((c) => c.id)).toEqual(['sma-cross', 'momentum', 'buy-and-hold']);
		expect(o.start).toBe(250);
		expect(o.end).toBe(700);
		for (const c of o.contenders) {
			expect(c.equity).toHaveLength(450);
			expect(c.chosen).toHaveLength(3);
			expect(c.sharpeCi.lower).toBeLessThanOrEqual(c.sharpeCi.upper);
			expect(c.verdict.length).toBeGreaterThan(10);
		}
		// Trials = contenders × grid: 6 (SMA) + 3 (momentum) + 1 (buy & hold).
		expect(o.trials).toBe(10);
		expect(o.spa?.pValue).toBeGreaterThanOrEqual(0);
		expect(o.spa?.verdict).toMatch(/Buy & hold/);
		expect(o.contenders[0].pbo?.combinations).toBeGreaterThan(1);
		expect(o.contenders[2].pbo).toBeNull();
	});

	it('deflates: the DSR of a selected strategy never exceeds its PSR', async () => {
		const r = await runBattle(series, [preset('sma-cross')], config);
		if (!r.ok) throw new Error(r.message);
		for (const c of r.value.contenders) expect(c.dsr).toBeLessThanOrEqual(c.psr + 1e-12);
	});

	it('trades buy & hold out of sample exactly as the engine does on those bars', async () => {
		const r = await runBattle(series, [], config);
		if (!r.ok) throw new Error(r.message);
		const direct = simulate(
			sliceSeries(series, 250, 700),
			new Float64Array(450).fill(1),
			config.execution
		);
		expect(r.value.contenders[0].equity).toEqual(direct.equity);
	});

	it('chooses each window’s parameter on the training bars only', async () => {
		// A contender whose candidates record the windows they are asked about.
		const asked: { id: string; start: number; end: number }[] = [];
		const candidate = (id: string, target: number): Contender => ({
			id,
			label: id,
			kind: 'native',
			targets(_bars, w) {
				asked.push({ id, ...w });
				return new Float64Array(w.end - w.start).fill(target);
			}
		});
		const family: Contender = {
			id: 'fam',
			label: 'Family',
			kind: 'native',
			targets: (b, w) => candidate('a', 1).targets(b, w),
			candidates: [candidate('long', 1), candidate('flat', 0)]
		};
		const r = await runBattle(series, [family, buyAndHoldContender()], config);
		if (!r.ok) throw new Error(r.message);
		expect(asked.length).toBeGreaterThan(0);
		for (const w of r.value.windows)
			expect(asked.filter((a) => a.start === w.trainStart).every((a) => a.end === w.trainEnd)).toBe(
				true
			);
	});

	it('reports progress that rises to 1 and names the windows', async () => {
		const seen: BattleProgress[] = [];
		const r = await runBattle(series, [preset('momentum')], config, {
			onProgress: (p) => seen.push(p)
		});
		expect(r.ok).toBe(true);
		const fractions = seen.map((p) => p.fraction);
		expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
		expect(fractions.at(-1)).toBeCloseTo(1, 12);
		expect(seen[0].message).toMatch(/Window 1\/3/);
	});

	it('stops with a cancelled result when the signal aborts mid-run', async () => {
		const controller = new AbortController();
		const r = await runBattle(series, [preset('sma-cross')], config, {
			signal: controller.signal,
			onProgress: () => controller.abort()
		});
		expect(r).toMatchObject({ ok: false, code: 'cancelled' });
	});

	it('returns bad_input with a message when the windows do not fit the data', async () => {
		const r = await runBattle(series, [], {
			...config,
			walkForward: { windows: 3, trainBars: 699, mode: 'rolling' }
		});
		expect(r).toMatchObject({ ok: false, code: 'bad_input' });
	});
});
