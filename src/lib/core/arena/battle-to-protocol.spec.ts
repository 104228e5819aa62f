import { describe, expect, it } from 'vitest';
import { BattleResults, MAX_EQUITY_POINTS } from '../protocol';
import { downsampledEquity } from './battle-to-protocol';

const outcomeOf = (n: number) => ({
	time: Float64Array.from({ length: n }, (_, i) => 1e12 + i * 86_400_000),
	contenders: [
		{ id: 'a', equity: Float64Array.from({ length: n }, (_, i) => 1e6 + i) },
		{
			id: 'ruined',
			equity: Float64Array.from({ length: n }, (_, i) => (i === n - 1 ? -Infinity : 1))
		}
	]
});

describe('the edge copy of a session’s equity curves', () => {
	it('keeps at most MAX_EQUITY_POINTS points, the first and the last bar, with finite values only', () => {
		for (const n of [1, 2, 255, 256, 1500, 100_000]) {
			const e = downsampledEquity(outcomeOf(n));
			expect(e.time.length, `n=${n}`).toBeLessThanOrEqual(MAX_EQUITY_POINTS);
			expect(e.time[0]).toBe(1e12);
			expect(e.time.at(-1)).toBe(1e12 + (n - 1) * 86_400_000);
			expect(e.series[0].values.at(-1)).toBe(Number((1e6 + n - 1).toPrecision(7)));
			expect(e.series[1].values.every(Number.isFinite)).toBe(true);
			expect(e.series.every((s) => s.values.length === e.time.length)).toBe(true);
			expect(
				BattleResults.safeParse({ standings: [], trials: 1, bars: n, spa: null, equity: e }).success
			).toBe(true);
		}
		// Short sessions keep every bar.
		expect(downsampledEquity(outcomeOf(200)).time.length).toBe(200);
	});

	it('gives each curve fewer points when there are many, so 64 contenders stay far below the 256 KiB body limit', () => {
		const n = 5000;
		const many = {
			time: outcomeOf(n).time,
			contenders: Array.from({ length: 64 }, (_, i) => ({
				id: `c${i}`,
				equity: Float64Array.from({ length: n }, (_, t) => 1e6 * (1 + Math.sin(t + i) / 7))
			}))
		};
		const e = downsampledEquity(many);
		expect(e.time.length).toBeLessThanOrEqual(128);
		expect(JSON.stringify(e).length).toBeLessThan(128 * 1024);
	});
});
