import { describe, expect, it } from 'vitest';
import { runBacktest } from '../backtest';
import type { OhlcvSeries } from '../ohlcv';
import { CounterRng } from '../random/philox';
import { generateGbm } from '../synthetic';
import type { ExecutionConfig } from './execution-config';
import { referenceSimulate } from './reference-simulator';
import { simulate } from './simulate';
import { EXIT_REASONS, tradeList } from './trade-log';

const TARGET_LEVELS = [-1.5, -1, -0.5, 0, 0, 0.5, 1, 1, 2, NaN];

interface Case {
	series: OhlcvSeries;
	targets: Float64Array;
	config: ExecutionConfig;
}

/** A random strategy on a random GBM series under a random execution config, from one seed. */
function randomCase(seed: number): Case {
	const rng = new CounterRng(seed, 7);
	const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)];
	const chance = (p: number) => rng.uniform() < p;
	const between = (a: number, b: number) => a + (b - a) * rng.uniform();
	const bars = 40 + rng.int(200);
	const initialCash = pick([1, 10_000]);
	const series = generateGbm({
		seed,
		bars,
		s0: 100,
		mu: between(-0.5, 0.5),
		sigma: between(0.2, 1.2),
		stepMs: pick([86_400_000, 6 * 3_600_000]),
		// Thin volume for large accounts, so volume caps bind.
		volumeMedian: initialCash === 1 ? 1e6 : pick([300, 3000, 1e6]),
		symbol: 'RND'
	});
	const targets = new Float64Array(bars);
	let current = pick(TARGET_LEVELS);
	for (let i = 0; i < bars; i++) {
		if (chance(0.25)) current = pick(TARGET_LEVELS);
		targets[i] = current;
	}
	const lag = rng.int(4);
	const config: ExecutionConfig = {
		initialCash,
		lag,
		fill: lag === 0 ? 'close' : pick(['next_open', 'close', 'vwap_proxy'] as const),
		rebalance: pick(['on_change', 'every_bar'] as const),
		maxLeverage: pick([1, 1.5, 2]),
		allowShort: chance(0.8),
		maxUnits: chance(0.3) ? (0.7 * initialCash) / 100 : undefined,
		fees: {
			bps: chance(0.5) ? between(0, 50) : undefined,
			fixed: chance(0.3) ? between(0, 1e-3) * initialCash : undefined,
			custom: chance(0.3) ? (v, q) => 5e-4 * v + (q < 0 ? 1e-4 * initialCash : 0) : undefined
		},
		slippage: {
			bps: chance(0.5) ? between(0, 30) : undefined,
			volumeShare: chance(0.3)
				? { cap: between(0.01, 0.5), impact: chance(0.5) ? between(0, 0.2) : undefined }
				: undefined,
			sqrtImpact: chance(0.3)
				? {
						k: between(0.1, 1),
						sigma: chance(0.5)
							? 0.02
							: Float64Array.from({ length: bars }, () => between(0.005, 0.05))
					}
				: undefined
		},
		stops: {
			stopLoss: chance(0.4) ? between(0.01, 0.1) : undefined,
			takeProfit: chance(0.4) ? between(0.01, 0.2) : undefined,
			trailingStop: chance(0.4) ? between(0.01, 0.1) : undefined,
			intrabar: pick(['pessimistic', 'optimistic'] as const)
		},
		risk: {
			maxDrawdown: chance(0.2) ? between(0.1, 0.5) : undefined,
			dailyLoss: chance(0.2) ? between(0.02, 0.1) : undefined,
			maxExposure: chance(0.2) ? between(1.2, 2.5) : undefined
		}
	};
	return { series, targets, config };
}

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
