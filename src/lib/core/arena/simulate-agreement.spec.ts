import { describe, expect, it } from 'vitest';
import { runBacktest } from '../backtest';
import type { OhlcvSeries } from '../ohlcv';
import { CounterRng } from '../random/philox';
import { generateGbm } from '../synthetic';
import { referenceSimulate } from './reference-simulator';
import { randomCase } from './testing/random-case';
import { simulate } from './simulate';
import { EXIT_REASONS, tradeList } from './trade-log';

/** Largest |a − b| / scale over two equal-length sequences (Infinity on a length mismatch). */
function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>, scale: number): number {
	if (a.length !== b.length) return Infinity;
	let worst = 0;
	for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / scale);
	return worst;
}

describe('simulate agrees with the independent reference simulator', () => {
	const CASES = 200;
	const seen = new Set<string>();

	it(`on ${CASES} random strategies and configurations, within 1e-9 of initial cash`, () => {
		for (let seed = 1; seed <= CASES; seed++) {
			const { series, targets, config } = randomCase(seed);
			const fast = simulate(series, targets, config);
			const ref = referenceSimulate(series, targets, config);
			const cash = config.initialCash!;
			const where = `seed ${seed}`;
			expect(maxDiff(fast.equity, ref.equity, cash), where).toBeLessThan(1e-9);
			expect(maxDiff(fast.notional, ref.notional, cash), where).toBeLessThan(1e-9);
			expect(maxDiff(fast.units, ref.units, cash / 100), where).toBeLessThan(1e-9);
			expect([fast.fills, fast.halt?.reason, fast.halt?.bar], where).toEqual([
				ref.fills,
				ref.halt?.reason,
				ref.halt?.bar
			]);
			expect(Math.abs(fast.fees - ref.fees) / cash, where).toBeLessThan(1e-9);
			const trades = tradeList(fast.trades);
			const shape = (t: (typeof trades)[number]) =>
				[t.side, t.entryBar, t.exitBar, t.exitReason, t.entryTime, t.exitTime].join();
			expect(trades.map(shape), where).toEqual(ref.trades.map(shape));
			for (const key of ['entryPrice', 'exitPrice', 'pnl', 'fees', 'units'] as const) {
				const scale = key === 'units' ? cash / 100 : key.endsWith('Price') ? 100 : cash;
				const a = trades.map((t) => t[key]);
				const b = ref.trades.map((t) => t[key]);
				expect(maxDiff(a, b, scale), `${where} ${key}`).toBeLessThan(1e-9);
			}
			// Every unit of profit is in some trade: Σ pnl = final equity − initial cash.
			const total = trades.reduce((s, t) => s + t.pnl, 0);
			expect(Math.abs(total - (fast.equity[series.close.length - 1] - cash)) / cash).toBeLessThan(
				1e-9
			);
			for (const t of trades) seen.add(t.exitReason);
			if (fast.halt) seen.add(fast.halt.reason);
		}
	});

	it('while exercising every exit reason and every risk limit', () => {
		// Ruin (equity ≤ 0 needs a move beyond 1 / leverage in one bar) has its own hand test.
		const expected = [...EXIT_REASONS, 'max_drawdown', 'daily_loss', 'max_exposure'];
		expect([...seen].sort()).toEqual(expected.sort());
	});
});

describe('simulate agrees with core/backtest runBacktest', () => {
	const series = generateGbm({ seed: 11, bars: 300, s0: 100, mu: 0.1, sigma: 0.4, symbol: 'X' });
	const n = series.close.length;
	const index = Int32Array.from({ length: n - 1 }, (_, i) => i);
	const rng = new CounterRng(3);

	it('without fees: close fills at lag 0, re-sized every bar, any fractional targets', () => {
		const targets = Float64Array.from({ length: n }, () => Math.round(rng.uniform() * 8 - 4) / 4);
		const fast = simulate(series, targets, { lag: 0, fill: 'close', rebalance: 'every_bar' });
		const rb = runBacktest({
			close: series.close,
			positions: targets.subarray(0, n - 1),
			index,
			feeBps: 0,
			periodsPerYear: 252
		});
		// runBacktest's equity[k + 1] is the value at close k + 1, like ours; both start at 1.
		expect(maxDiff(fast.equity, rb.equity, 1)).toBeLessThan(1e-12);
		expect(maxDiff(fast.returns.subarray(1), rb.returns, 1)).toBeLessThan(1e-12);
	});

	it('with fees: differs on an entry by exactly fee × bar return, as runBacktest sizes after the fee', () => {
		// runBacktest: (1 − b)(1 + r). Here the fee is paid from cash after sizing on equity 1: 1 + r − b.
		const close = Float64Array.of(100, 110, 121);
		const bars: OhlcvSeries = {
			...series,
			time: series.time.subarray(0, 3),
			open: close,
			high: close,
			low: close,
			close,
			volume: close
		};
		const b = 0.001;
		const fast = simulate(bars, Float64Array.of(1, 1, 1), {
			lag: 0,
			fill: 'close',
			fees: { bps: 10 }
		});
		const rb = runBacktest({
			close,
			positions: Float64Array.of(1, 1),
			index: Int32Array.of(0, 1),
			feeBps: 10,
			periodsPerYear: 252
		});
		expect(fast.equity[1]).toBeCloseTo(1.1 - b, 14);
		expect(fast.equity[1] - rb.equity[1]).toBeCloseTo(b * 0.1, 14);
	});

	it('with fees on long/flat switching, stays within fee² and fee × return terms', () => {
		const targets = Float64Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 0 : 1));
		const fast = simulate(series, targets, { lag: 0, fill: 'close', fees: { bps: 10 } });
		const rb = runBacktest({
			close: series.close,
			positions: targets.subarray(0, n - 1),
			index,
			feeBps: 10,
			periodsPerYear: 252
		});
		const trades = rb.trades;
		// Each fill differs by at most fee × (|bar return| + fee) of equity: 1e-3 × ~0.05 per trade.
		expect(maxDiff(fast.equity, rb.equity, 1)).toBeLessThan(trades * 1e-3 * 0.06);
		expect(maxDiff(fast.equity, rb.equity, 1)).toBeGreaterThan(0);
	});
});
