import { describe, expect, it } from 'vitest';
import { evaluate } from '../expr';
import { simulate } from '../arena/simulate';
import { targetOf } from '../arena/expression-contender';
import { generateGbm } from '../synthetic/gbm';
import { BarReplay, barsDue } from './bar-replay';
import { LiveArena } from './live-arena';
import { streamingBuyAndHold, streamingExpression } from './streaming-contender';

const series = generateGbm({ seed: 4, bars: 400, s0: 100, mu: 0.1, sigma: 0.25, symbol: 'GBM' });
const MOMENTUM = '$close / Ref($close, 20) - 1';

function momentum() {
	const r = streamingExpression({
		id: 'mom',
		label: 'Momentum',
		source: MOMENTUM,
		threshold: 0,
		allowShort: false
	});
	if (!r.ok) throw new Error(r.message);
	return r.value;
}

describe('BarReplay', () => {
	it('delivers every bar once, in order, from the start bar', () => {
		const feed = new BarReplay(series, 390);
		const times: number[] = [];
		for (let b = feed.next(); b; b = feed.next()) times.push(b.time);
		expect(times).toEqual(Array.from(series.time.subarray(390)));
		expect(feed.done).toBe(true);
	});

	it('owes bars by elapsed time at the chosen speed, and a batch at max speed', () => {
		expect(barsDue(10, 1000, 7)).toBe(3);
		expect(barsDue(10, 100, 7)).toBe(0);
		expect(barsDue(Infinity, 0, 0, 250)).toBe(250);
	});
});

describe('streamingExpression', () => {
	it('decides the same targets bar by bar as the batch expression on the whole series', () => {
		const batch = evaluate(MOMENTUM, series);
		if (!batch.ok) throw new Error(batch.message);
		const c = momentum();
		const feed = new BarReplay(series);
		for (let i = 0; i < 400; i++)
			expect(c.next(feed.next()!)).toBe(targetOf(batch.value[i], 0, false));
	});
});

describe('LiveArena', () => {
	it('runs each arm’s shadow account exactly like the batch engine on the same targets', () => {
		const arena = new LiveArena({
			contenders: [streamingBuyAndHold(), momentum()],
			weights: [0.5, 0.5],
			seed: 3
		});
		const feed = new BarReplay(series);
		let snap = arena.snapshot();
		for (let b = feed.next(); b; b = feed.next()) snap = arena.push(b);
		const bh = simulate(series, new Float64Array(400).fill(1));
		expect(snap.arms[0].equity).toBe(bh.equity[399]);
		const batch = evaluate(MOMENTUM, series);
		if (!batch.ok) throw new Error(batch.message);
		const mom = simulate(
			series,
			batch.value.map((s) => targetOf(s, 0, false))
		);
		expect(snap.arms[1].equity).toBe(mom.equity[399]);
	});

	it('routes the same bars to the same arms for the same seed, and splits traffic by weight', () => {
		const run = (seed: number) => {
			const arena = new LiveArena({
				contenders: [streamingBuyAndHold(), momentum()],
				weights: [0.8, 0.2],
				seed
			});
			const feed = new BarReplay(series);
			let snap = arena.snapshot();
			for (let b = feed.next(); b; b = feed.next()) snap = arena.push(b);
			return snap;
		};
		const a = run(9);
		expect(run(9)).toEqual(a);
		expect(a.arms[0].routed + a.arms[1].routed).toBe(400);
		expect(a.arms[0].share).toBeGreaterThan(0.7);
		expect(a.arms[1].test?.n).toBe(400);
		expect(a.arms[0].test).toBeNull();
	});
});
