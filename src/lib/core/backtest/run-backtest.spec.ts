import { describe, expect, it } from 'vitest';
import { buyAndHold } from './buy-and-hold';
import { runBacktest, type BacktestInput } from './run-backtest';

const close = Float64Array.of(100, 110, 99, 99, 108.9);
const all = Int32Array.of(0, 1, 2, 3);

function run(positions: number[], feeBps = 0, index = all) {
	return runBacktest({
		close,
		positions: Float64Array.from(positions),
		index,
		feeBps,
		periodsPerYear: 252
	});
}

describe('runBacktest', () => {
	it('keeps equity at 1 when always flat', () => {
		const r = run([0, 0, 0, 0], 50);
		expect(Array.from(r.equity)).toEqual([1, 1, 1, 1, 1]);
		expect(r.trades).toBe(0);
		expect(r.turnover).toBe(0);
	});
	it('earns the bar t → t+1 return for a position decided at bar t', () => {
		// Long at bar 0 earns +10%; short at bar 1 earns +10% from the fall 110 → 99.
		const r = run([1, -1, 0, 0]);
		expect(r.returns[0]).toBeCloseTo(0.1, 15);
		expect(r.returns[1]).toBeCloseTo(0.1, 15);
		expect(r.equity[2]).toBeCloseTo(1.21, 15);
	});
	it('equals buy-and-hold when always long with no fees', () => {
		const r = run([1, 1, 1, 1]);
		const bh = buyAndHold(close, all);
		for (let k = 0; k < r.equity.length; k++) expect(r.equity[k]).toBeCloseTo(bh[k], 14);
		expect(r.trades).toBe(1);
	});
	it('charges feeBps × |Δposition| on each change, including the first entry', () => {
		// 100 bps = 1%. Entry 1 unit, flip to short (2 units), hold, exit (1 unit).
		const r = run([1, -1, -1, 0], 100);
		const e1 = 1 * 0.99 * 1.1;
		const e2 = e1 * (1 - 0.02) * 1.1; // short over 110 → 99
		const e3 = e2 * 1; // short over 99 → 99
		const e4 = e3 * 0.99 * 1; // flat over 99 → 108.9
		expect(Array.from(r.equity)).toEqual([1, e1, e2, e3, e4].map((v) => expect.closeTo(v, 14)));
		expect(r.trades).toBe(3);
		expect(r.turnover).toBe(4);
		expect(r.turnoverPerYear).toBe((4 / 4) * 252);
	});
	it('reports net returns that compound to the equity curve', () => {
		const r = run([1, -1, 1, 1], 25);
		let e = 1;
		for (const x of r.returns) e *= 1 + x;
		expect(e).toBeCloseTo(r.equity[4], 14);
	});
	it('spends bars missing from the index flat, paying to exit and to re-enter', () => {
		// Decisions at bars 0 and 3 only: long 100 → 110, out over 110 → 99 → 99, long 99 → 108.9.
		const r = run([1, 1], 100, Int32Array.of(0, 3));
		expect(r.equity[1]).toBeCloseTo(0.99 * 1.1, 14);
		expect(r.equity[2]).toBeCloseTo(0.99 * 1.1 * 0.99 * 0.99 * 1.1, 14);
		expect(r.trades).toBe(3);
	});
	it('stops at zero equity instead of going negative', () => {
		const r = runBacktest({
			close: Float64Array.of(10, 30, 30),
			positions: Float64Array.of(-1, -1),
			index: Int32Array.of(0, 1),
			feeBps: 0,
			periodsPerYear: 252
		});
		expect(Array.from(r.equity)).toEqual([1, 0, 0]);
	});
	it.each<[string, Partial<BacktestInput>, string]>([
		[
			'positions and index of different lengths',
			{ positions: Float64Array.of(1) },
			'1 positions for 4 index entries'
		],
		[
			'a decision at the last bar',
			{ index: Int32Array.of(1, 2, 3, 4) },
			'index[3] = 4 has no next bar'
		],
		[
			'an index that is not ascending',
			{ index: Int32Array.of(0, 2, 1, 3) },
			'index is not ascending at 2'
		],
		['a negative fee', { feeBps: -1 }, 'feeBps must be finite and ≥ 0'],
		['a NaN position', { positions: Float64Array.of(1, NaN, 0, 0) }, 'positions[1] is NaN']
	])('refuses %s', (_, bad, message) => {
		const input: BacktestInput = {
			close,
			positions: new Float64Array(4),
			index: all,
			feeBps: 0,
			periodsPerYear: 252,
			...bad
		};
		expect(() => runBacktest(input)).toThrow(message);
	});
});
