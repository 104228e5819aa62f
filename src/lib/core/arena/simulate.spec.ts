import { describe, expect, it } from 'vitest';
import type { ExecutionConfig } from './execution-config';
import { simulate, simulateSummary } from './simulate';
import { flat, seriesFromBars, type BarRow } from './testing';
import { tradeList } from './trade-log';

const run = (rows: BarRow[], targets: number[], config: ExecutionConfig = {}, stepMs?: number) =>
	simulate(seriesFromBars(rows, stepMs), Float64Array.from(targets), config);
const close = (v: number) => expect.closeTo(v, 12);
const curve = (values: number[]) => values.map(close);

describe('simulate: signal lag and fill price', () => {
	const rows: BarRow[] = [flat(100), [102, 106, 101, 104], [105, 108, 103, 107], flat(110)];

	it('fills a target decided at close t at the open of bar t + 1 by default', () => {
		const r = run(rows, [1, 0, 0, 0]);
		expect(r.units[1]).toBeCloseTo(1 / 102, 15);
		expect(Array.from(r.equity)).toEqual(curve([1, 104 / 102, 105 / 102, 105 / 102]));
	});
	it('waits `lag` bars before the fill', () => {
		const r = run(rows, [1, 1, 1, 1], { lag: 2 });
		expect(Array.from(r.equity)).toEqual(curve([1, 1, 107 / 105, 110 / 105]));
	});
	it("with lag 0 and fill 'close' fills at the decision bar's own close", () => {
		const r = run(rows, [1, 1, 1, 1], { lag: 0, fill: 'close' });
		expect(Array.from(r.equity)).toEqual(curve([1, 1.04, 1.07, 1.1]));
	});
	it("with fill 'close' and lag 1 fills at the next bar's close", () => {
		const r = run(rows, [1, 1, 1, 1], { fill: 'close' });
		expect(Array.from(r.equity)).toEqual(curve([1, 1, 107 / 104, 110 / 104]));
	});
	it("with fill 'vwap_proxy' fills at (O + H + L + C) / 4 of the fill bar", () => {
		const r = run(rows, [1, 1, 1, 1], { fill: 'vwap_proxy' });
		const price = (102 + 106 + 101 + 104) / 4;
		expect(tradeList(r.trades)[0].entryPrice).toBe(price);
		expect(r.equity[1]).toBeCloseTo(104 / price, 12);
	});
	it('refuses lag 0 with a fill that would be look-ahead', () => {
		expect(() => run(rows, [1, 1, 1, 1], { lag: 0 })).toThrow("needs fill 'close'");
		expect(() => run(rows, [1, 1, 1, 1], { lag: 0, fill: 'vwap_proxy' })).toThrow(RangeError);
	});
});

describe('simulate: sizing', () => {
	const rows: BarRow[] = [flat(100), flat(100), flat(90), flat(90)];

	it('clamps targets to ±maxLeverage', () => {
		expect(run(rows, [3, 3, 3, 3], { maxLeverage: 2 }).units[1]).toBeCloseTo(0.02, 15);
		expect(run(rows, [-3, -3, -3, -3]).units[1]).toBeCloseTo(-0.01, 15);
	});
	it('maps negative targets to flat without shorts, and NaN targets to flat', () => {
		expect(Array.from(run(rows, [-1, -1, -1, -1], { allowShort: false }).units)).toEqual([
			0, 0, 0, 0
		]);
		const r = run(rows, [1, NaN, 1, 1]);
		// NaN at bar 1 exits at the open of bar 2 (90); bar 2's 1 re-enters with 0.9 / 90 units.
		expect(Array.from(r.units)).toEqual([0, 0.01, 0, 0.01].map(close));
	});
	it('clamps the position to ±maxUnits', () => {
		expect(run(rows, [1, 1, 1, 1], { maxUnits: 0.005 }).units[1]).toBe(0.005);
	});
	it("holds units between target changes, or re-sizes every bar with 'every_bar'", () => {
		// Short 1 at 100; at 90 equity is 2 − 0.9 = 1.1.
		expect(run(rows, [-1, -1, -1, -1]).units[3]).toBeCloseTo(-0.01, 15);
		const r = run(rows, [-1, -1, -1, -1], { rebalance: 'every_bar' });
		expect(r.units[3]).toBeCloseTo(-1.1 / 90, 15);
		expect(r.equity[3]).toBeCloseTo(1.1, 12);
	});
});

describe('simulate: fees', () => {
	// Long 0.01 units from the open of bar 1 (100) to the open of bar 3 (110).
	const rows: BarRow[] = [flat(100), flat(100), flat(110), flat(110)];
	const targets = [1, 1, 0, 0];

	it('charges bps of each fill’s notional', () => {
		const r = run(rows, targets, { fees: { bps: 100 } });
		expect(r.fees).toBeCloseTo(0.01 + 0.011, 15);
		expect(r.equity[3]).toBeCloseTo(1.079, 12);
		const [trade] = tradeList(r.trades);
		expect(trade.pnl).toBeCloseTo(0.079, 12);
		expect(trade.fees).toBeCloseTo(0.021, 12);
	});
	it('charges a fixed fee per fill', () => {
		const r = run(rows, targets, { fees: { fixed: 0.002 } });
		expect(r.equity[3]).toBeCloseTo(1.096, 12);
		expect(r.fills).toBe(2);
	});
	it('calls a custom fee with the notional and the signed units of each fill', () => {
		const calls: number[][] = [];
		const custom = (notional: number, units: number) => {
			calls.push([notional, units]);
			return Math.max(0.005, notional * 0.001);
		};
		const r = run(rows, targets, { fees: { custom } });
		expect(calls).toEqual([curve([1, 0.01]), curve([1.1, -0.01])]);
		expect(r.equity[3]).toBeCloseTo(1.09, 12);
	});
	it('refuses a custom fee that is negative or not finite', () => {
		expect(() => run(rows, targets, { fees: { custom: () => -1 } })).toThrow('fees.custom');
		expect(() => run(rows, targets, { fees: { custom: () => NaN } })).toThrow('fees.custom');
	});
	it('splits the fee of a flip between the closed and the opened trade by units', () => {
		const r = run(rows, [1, -1, -1, -1], { fees: { bps: 100 } });
		const [long, short] = tradeList(r.trades);
		// The flip at 110 sells 0.01 + 1.09 / 110 units; 0.01 of them close the long.
		expect(long.fees).toBeCloseTo(0.01 + 0.011, 15);
		expect(long.pnl).toBeCloseTo(0.079, 12);
		expect(short.fees).toBeCloseTo(1.09 * 0.01, 15);
		expect([long.exitReason, short.exitReason]).toEqual(['signal', 'end_of_data']);
		expect(1 + long.pnl + short.pnl).toBeCloseTo(r.equity[3], 12);
	});
});

describe('simulate: slippage', () => {
	it('moves each fill by fixed bps against the order, sizing at the reference price', () => {
		const rows: BarRow[] = [flat(100), flat(100), flat(110), flat(110)];
		const r = run(rows, [1, 1, 0, 0], { slippage: { bps: 50 } });
		const [trade] = tradeList(r.trades);
		expect([trade.entryPrice, trade.exitPrice]).toEqual(curve([100.5, 109.45]));
		expect(r.equity[3]).toBeCloseTo(1 - 1.005 + 1.0945, 12);
	});
	const thin: BarRow[] = [0, 1, 2, 3].map(() => [100, 100, 100, 100, 500]);
	it('fills at most cap × volume, cancels the rest, and pays impact × share²', () => {
		const slippage = { volumeShare: { cap: 0.1, impact: 0.1 } };
		const r = run(thin, [1, 1, 1, 1], { initialCash: 10_000, slippage });
		expect(Array.from(r.units)).toEqual([0, 50, 50, 50]);
		// Share 50 / 500 = 0.1: impact 0.1 × 0.1² = 0.001 of the price.
		expect(tradeList(r.trades)[0].entryPrice).toBeCloseTo(100.1, 12);
		expect(r.equity[1]).toBeCloseTo(10_000 - 50 * 0.1, 9);
	});
	it("tries the rest again on the next bar with 'every_bar'", () => {
		const slippage = { volumeShare: { cap: 0.1 } };
		const r = run(thin, [1, 1, 1, 1], { initialCash: 10_000, slippage, rebalance: 'every_bar' });
		expect(Array.from(r.units)).toEqual([0, 50, 100, 100]);
	});
	it('pays square-root impact k · σ · √(q / V)', () => {
		const rows: BarRow[] = [0, 1, 2].map(() => [100, 100, 100, 100, 10_000]);
		// q = 100 units of V = 10,000: √0.01 = 0.1, so 1 × 0.02 × 0.1 = 0.2% of the price.
		const scalar = { sqrtImpact: { k: 1, sigma: 0.02 } };
		const r = run(rows, [1, 1, 1], { initialCash: 10_000, slippage: scalar });
		expect(tradeList(r.trades)[0].entryPrice).toBeCloseTo(100.2, 12);
		expect(r.equity[2]).toBeCloseTo(9980, 9);
		const perBar = { sqrtImpact: { k: 1, sigma: Float64Array.of(0, 0.04, 0) } };
		const p = run(rows, [1, 1, 1], { initialCash: 10_000, slippage: perBar });
		expect(tradeList(p.trades)[0].entryPrice).toBeCloseTo(100.4, 12);
	});
	it('refuses volume-based slippage on bars without volume', () => {
		const rows: BarRow[] = [flat(100), [100, 100, 100, 100, 0]];
		expect(() => run(rows, [1, 1], { slippage: { volumeShare: { cap: 0.1 } } })).toThrow(
			'volume[1] is 0'
		);
	});
});

describe('simulate: stops, evaluated inside the bar', () => {
	// Long 0.01 units from the open of bar 1 at 100; bar 1 stays inside every level below.
	const entry: BarRow[] = [flat(100), [100, 103, 96, 101]];
	const long = (bar2: BarRow, stops: ExecutionConfig['stops']) =>
		run([...entry, bar2, flat(100)], [1, 1, 1, 1], { stops });

	it('exits at the stop-loss level when the low reaches it', () => {
		const r = long([98, 99, 94, 97], { stopLoss: 0.05 });
		expect(tradeList(r.trades)).toMatchObject([
			{ exitBar: 2, exitPrice: 95, barsHeld: 1, exitReason: 'stop_loss', pnl: close(-0.05) }
		]);
		expect(Array.from(r.equity)).toEqual(curve([1, 1.01, 0.95, 0.95]));
	});
	it('counts a low exactly at the stop as reaching it', () => {
		expect(tradeList(long([98, 99, 95, 97], { stopLoss: 0.05 }).trades)[0].exitReason).toBe(
			'stop_loss'
		);
	});
	it('exits at the take-profit level when the high reaches it', () => {
		const r = long([104, 111, 103, 108], { takeProfit: 0.1 });
		expect(tradeList(r.trades)[0]).toMatchObject({ exitPrice: 110, exitReason: 'take_profit' });
		expect(r.equity[2]).toBeCloseTo(1.1, 12);
	});
	it('assumes the stop hit first when both levels are inside the bar (pessimistic)', () => {
		const bar: BarRow = [100, 111, 94, 100];
		const stops = { stopLoss: 0.05, takeProfit: 0.1 };
		expect(tradeList(long(bar, stops).trades)[0]).toMatchObject({
			exitPrice: 95,
			exitReason: 'stop_loss'
		});
		const optimistic = long(bar, { ...stops, intrabar: 'optimistic' });
		expect(tradeList(optimistic.trades)[0]).toMatchObject({
			exitPrice: 110,
			exitReason: 'take_profit'
		});
	});
	it('fills at the open when the bar gaps through the stop or the target', () => {
		const stops = { stopLoss: 0.05, takeProfit: 0.1 };
		expect(tradeList(long([90, 92, 88, 91], stops).trades)[0]).toMatchObject({
			exitPrice: 90,
			exitReason: 'stop_loss'
		});
		expect(tradeList(long([112, 113, 111, 112], stops).trades)[0]).toMatchObject({
			exitPrice: close(112),
			exitReason: 'take_profit'
		});
	});
	it("trails the best price of earlier bars, never the checked bar's own extreme", () => {
		// Bar 1 reaches 120 and dips to 100: its stop is still 90 (from entry 100), so it holds.
		// Bar 2's stop is 120 × 0.9 = 108.
		const rows: BarRow[] = [flat(100), [100, 120, 100, 118], [115, 116, 107, 110], flat(110)];
		const r = run(rows, [1, 1, 1, 1], { stops: { trailingStop: 0.1 } });
		expect(tradeList(r.trades)).toMatchObject([
			{ exitBar: 2, exitPrice: close(108), exitReason: 'trailing_stop' }
		]);
	});
	it('mirrors the levels for a short position', () => {
		const rows: BarRow[] = [flat(100), [100, 104, 97, 99], [101, 106, 100, 103], flat(100)];
		const r = run(rows, [-1, -1, -1, -1], { stops: { stopLoss: 0.05 } });
		expect(tradeList(r.trades)[0]).toMatchObject({ side: -1, exitPrice: 105 });
		expect(r.equity[2]).toBeCloseTo(0.95, 12);
	});
	it('stays flat after a stop until the target changes', () => {
		const rows: BarRow[] = [...entry, [98, 99, 94, 97], flat(100), flat(100), flat(100)];
		const r = run(rows, [1, 1, 1, 0, 1, 1], { stops: { stopLoss: 0.05 } });
		expect(Array.from(r.units)).toEqual(curve([0, 0.01, 0, 0, 0, 0.0095]));
	});
	it("lets a position filled at the close face stops from the next bar's range", () => {
		// Filled at the close of bar 1 (101): bar 1's low of 94 came before the fill.
		const rows: BarRow[] = [flat(100), [100, 103, 94, 101], [101, 102, 95.5, 100], flat(100)];
		const r = run(rows, [1, 1, 1, 1], { fill: 'close', stops: { stopLoss: 0.05 } });
		expect(tradeList(r.trades)[0]).toMatchObject({
			exitBar: 2,
			exitPrice: close(95.95),
			exitReason: 'stop_loss'
		});
	});
});

describe('simulate: risk limits', () => {
	it('flattens and stops trading when the drawdown from the peak reaches maxDrawdown', () => {
		const rows: BarRow[] = [flat(100), flat(100), flat(95), flat(88), flat(100), flat(100)];
		const r = run(rows, [1, 1, 1, 1, 1, 1], { risk: { maxDrawdown: 0.1 } });
		expect(r.halt).toEqual({
			reason: 'max_drawdown',
			bar: 3,
			time: Date.UTC(2024, 0, 4),
			equity: close(0.88)
		});
		expect(Array.from(r.units)).toEqual([0, 0.01, 0.01, 0, 0, 0]);
		expect(Array.from(r.equity)).toEqual(curve([1, 1, 0.95, 0.88, 0.88, 0.88]));
		expect(tradeList(r.trades)[0]).toMatchObject({ exitPrice: 88, exitReason: 'risk_limit' });
	});
	it("measures the daily loss from the previous UTC day's last close", () => {
		// 6-hour bars: bars 0–3 are day 1, ending at equity 1.04; bar 5 closes at 0.985 < 1.04 × 0.95.
		const rows = [100, 100, 104, 104, 100, 98.5, 98.5].map(flat);
		const r = run(rows, [1, 1, 1, 1, 1, 1, 1], { risk: { dailyLoss: 0.05 } }, 6 * 3_600_000);
		expect(r.halt).toMatchObject({ reason: 'daily_loss', bar: 5, equity: close(0.985) });
		expect(r.units[6]).toBe(0);
	});
	it('halts when gross exposure over equity exceeds maxExposure', () => {
		// 2× long from 100: at 90 exposure is 1.8 / 0.8 = 2.25; at 80 it is 1.6 / 0.6 ≈ 2.67.
		const rows = [100, 100, 90, 80, 100].map(flat);
		const config = { maxLeverage: 2, risk: { maxExposure: 2.5 } };
		const r = run(rows, [2, 2, 2, 2, 2], config);
		expect(r.halt).toMatchObject({ reason: 'max_exposure', bar: 3, equity: close(0.6) });
		expect(r.equity[4]).toBeCloseTo(0.6, 12);
	});
	it('halts on ruin when equity reaches zero or below, with or without limits', () => {
		const r = run([100, 100, 250, 100].map(flat), [-1, -1, -1, -1]);
		expect(r.halt).toMatchObject({ reason: 'ruin', bar: 2, equity: close(-0.5) });
		expect(Array.from(r.returns)).toEqual(curve([0, 0, -1.5, 0]));
	});
});

describe('simulate: accounting', () => {
	it('reports an open trade at the last close as end_of_data, without exit costs', () => {
		const r = run([100, 100, 120].map(flat), [1, 1, 1], { fees: { bps: 10 } });
		expect(tradeList(r.trades)).toEqual([
			{
				side: 1,
				entryBar: 1,
				entryTime: Date.UTC(2024, 0, 2),
				entryPrice: 100,
				exitBar: 2,
				exitTime: Date.UTC(2024, 0, 3),
				exitPrice: 120,
				units: 0.01,
				pnl: close(0.2 - 0.001),
				fees: close(0.001),
				barsHeld: 1,
				exitReason: 'end_of_data'
			}
		]);
		expect(r.equity[2]).toBeCloseTo(1.199, 12);
	});
	it('records traded notional per bar and net returns that compound to equity', () => {
		const r = run([100, 100, 110, 110].map(flat), [1, -1, -1, -1], { fees: { bps: 10 } });
		expect(r.notional[1]).toBeCloseTo(1, 15);
		expect(r.notional[2]).toBeGreaterThan(2);
		let e = 1;
		for (const x of r.returns) e *= 1 + x;
		expect(e).toBeCloseTo(r.equity[3], 12);
	});
	it.each<[string, () => unknown, string]>([
		['mismatched targets', () => run([flat(1)], [1, 1]), '2 targets for 1 bars'],
		['a high below the close', () => run([[1, 1, 1, 2]], [1]), 'bar 0 has bad prices'],
		['a NaN price', () => run([[NaN, 1, 1, 1]], [1]), 'bar 0 has bad prices'],
		[
			'a bad bar inside a flat stretch (the flat fast loop)',
			() => run([...Array(6).fill(flat(1)), [1, 1, 2, 1], flat(1)], Array(8).fill(0)),
			'bar 6 has bad prices'
		],
		[
			'a bad bar inside a flat stretch, summary mode',
			() =>
				simulateSummary(
					seriesFromBars([...Array(6).fill(flat(1)), [1, 0.5, 1, 1], flat(1)]),
					new Float64Array(8)
				),
			'bar 6 has bad prices'
		],
		['a stop outside (0, 1)', () => run([flat(1)], [1], { stops: { stopLoss: 1 } }), 'stopLoss'],
		['a negative fee', () => run([flat(1)], [1], { fees: { bps: -1 } }), 'fees.bps']
	])('refuses %s', (_, call, message) => {
		expect(call).toThrow(message);
	});
});
