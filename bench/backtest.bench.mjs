#!/usr/bin/env node
// Backtest engine benchmark: the arena's `simulate` (fees + stop-loss, take-profit and trailing stop,
// next-open fills) on 1,000,000 synthetic minute bars, against peers measured in the same run: the
// simple vectorised `core/backtest` `runBacktest` (close-to-close, fees, no stops) and the arena's
// slow per-bar reference simulator (same rules as `simulate`, objects per bar and fill). There is no
// vectorbt here (no Python packages), so these are the peers. Also a memory floor: one pass that
// only reads the inputs and writes the output arrays `simulate` returns. Reports the median (and
// min) after a warm-up, prints a markdown table and writes bench/results/backtest.json.
// Run: `node --import tsx bench/backtest.bench.mjs` (or `npm run bench backtest`).
// Not part of the test suite: it measures speed; simulate-agreement.spec.ts measures truth.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { register } from 'tsx/esm/api';

register({ tsconfig: false });
const { simulate, referenceSimulate } = await import('../src/lib/core/arena/index.ts');
const { runBacktest } = await import('../src/lib/core/backtest/index.ts');
const { generateGbm } = await import('../src/lib/core/synthetic/index.ts');

const BARS = 1_000_000;
const RUNS = 15;
const REFERENCE_RUNS = 7;

const series = generateGbm({
	seed: 42,
	bars: BARS,
	s0: 100,
	mu: 0.05,
	sigma: 0.3,
	stepMs: 60_000,
	periodsPerYear: 252 * 390,
	symbol: 'SYN'
});
// A 1000-bar momentum rule with a ±0.5% band (long above, short below, else hold), decided outside
// the timings. It trades often enough to exercise every path without fees eating the account: a
// churning rule drives equity into subnormal floats, which slows every engine many-fold.
const LOOKBACK = 1000;
const targets = new Float64Array(BARS);
for (let t = LOOKBACK; t < BARS; t++) {
	const move = series.close[t] / series.close[t - LOOKBACK];
	targets[t] = move > 1.005 ? 1 : move < 0.995 ? -1 : targets[t - 1];
}
const index = Int32Array.from({ length: BARS - 1 }, (_, t) => t);

const withStops = {
	fees: { bps: 5 },
	stops: { stopLoss: 0.01, takeProfit: 0.02, trailingStop: 0.01 }
};
const likeRunBacktest = { lag: 0, fill: 'close', rebalance: 'every_bar', fees: { bps: 5 } };

/** Median and min wall time (ms) of `runs` calls after one warm-up call; returns the last output. */
function time(fn, runs) {
	let out = fn();
	const ms = [];
	for (let r = 0; r < runs; r++) {
		const t = performance.now();
		out = fn();
		ms.push(performance.now() - t);
	}
	ms.sort((a, b) => a - b);
	return { median: ms[Math.floor(ms.length / 2)], min: ms[0], runs, out };
}

/** Reads the inputs `simulate` reads and writes the arrays it returns, doing nothing else. */
function memoryFloor() {
	const { open, high, low, close } = series;
	const equity = new Float64Array(BARS);
	const returns = new Float64Array(BARS);
	const units = new Float64Array(BARS);
	const notional = new Float64Array(BARS);
	let s = 0;
	for (let i = 0; i < BARS; i++) {
		s += open[i] + high[i] + low[i] + close[i] + targets[i];
		equity[i] = s;
		returns[i] = s;
		units[i] = s;
	}
	return { equity, returns, units, notional };
}

const rows = [];
function row(implementation, fn, runs, note, summarize) {
	const t = time(fn, runs);
	rows.push({
		implementation,
		median_ms: t.median,
		min_ms: t.min,
		runs,
		note,
		...summarize(t.out)
	});
	console.error(`${implementation}: ${t.median.toFixed(1)} ms`);
	return t.out;
}

const arena = (r) => ({
	final_equity: r.equity[BARS - 1],
	trades: r.trades.count,
	fills: r.fills
});
const fast = row(
	'arena simulate',
	() => simulate(series, targets, withStops),
	RUNS,
	'next-open fills, 5 bps fees, stop-loss 1%, take-profit 2%, trailing 1%',
	arena
);
row(
	'arena simulate',
	() => simulate(series, targets, likeRunBacktest),
	RUNS,
	"close fills at lag 0, re-sized every bar, 5 bps fees, no stops (runBacktest's setting)",
	arena
);
row(
	'core/backtest runBacktest',
	() =>
		runBacktest({
			close: series.close,
			positions: targets.subarray(0, BARS - 1),
			index,
			feeBps: 5,
			periodsPerYear: 252 * 390
		}),
	RUNS,
	'close-to-close, 5 bps fees, free re-sizing, no stops',
	(r) => ({ final_equity: r.equity[BARS - 1], trades: r.trades, fills: r.trades })
);
const ref = row(
	'arena reference simulator',
	() => referenceSimulate(series, targets, withStops),
	REFERENCE_RUNS,
	'same rules and config as row 1; per-bar objects (the test oracle)',
	(r) => ({ final_equity: r.equity[BARS - 1], trades: r.trades.length, fills: r.fills })
);
row(
	'memory floor',
	memoryFloor,
	RUNS,
	'read the inputs, write the 4 output arrays; no logic',
	() => ({
		final_equity: null,
		trades: null,
		fills: null
	})
);
const agreement = Math.abs(fast.equity[BARS - 1] - ref.equity[BARS - 1]);

const fmt = (v, digits = 6) =>
	v === null ? '' : Number.isInteger(v) ? String(v) : v.toFixed(digits);
const table = [
	`| Engine (${BARS.toLocaleString('en')} bars) | Median ms | Min ms | Runs | Final equity | Trades | Fills | Setting |`,
	'|---|---:|---:|---:|---:|---:|---:|---|',
	...rows.map(
		(r) =>
			`| ${r.implementation} | ${r.median_ms.toFixed(1)} | ${r.min_ms.toFixed(1)} | ${r.runs} | ${fmt(r.final_equity)} | ${fmt(r.trades)} | ${fmt(r.fills)} | ${r.note} |`
	)
].join('\n');
console.log(table);
console.log(`\n|final equity simulate − reference| = ${agreement.toExponential(2)}`);

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
	new URL('./results/backtest.json', import.meta.url),
	JSON.stringify(
		{
			bench: 'backtest',
			date: new Date().toISOString(),
			machine,
			cpu: cpus()[0]?.model ?? 'unknown CPU',
			node: process.version,
			bars: BARS,
			command: 'node --import tsx bench/backtest.bench.mjs',
			final_equity_abs_diff_vs_reference: agreement,
			rows
		},
		null,
		2
	) + '\n'
);
