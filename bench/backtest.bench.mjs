#!/usr/bin/env node
// Backtest engine benchmark: the arena's engine (fees + stop-loss, take-profit and trailing stop,
// next-open fills) on 1,000,000 synthetic minute bars, three ways — `simulateSummary` (streamed
// metrics, no per-bar arrays), `simulate` into reused output arrays (as sweeps and grid searches call
// it), `simulate` with fresh arrays — against peers measured in the same run: the simple vectorised
// `core/backtest` `runBacktest` (close-to-close, fees, no stops) and the arena's slow per-bar
// reference simulator (same rules, objects per bar and fill). There is no vectorbt here (no Python
// packages), so these are the peers. Also memory floors: passes that only read the inputs (and write
// the four output arrays) with no logic.
// Each row runs in its own Node process, so one variant's JIT feedback never slows another's (they
// share one engine function). Reports the median (and min) of 15 runs after a warm-up, prints a
// markdown table and writes bench/results/backtest.json.
// Run: `node bench/backtest.bench.mjs` (or `npm run bench backtest`).
// Not part of the test suite: it measures speed; simulate-agreement.spec.ts measures truth.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const BARS = 1_000_000;
const RUNS = 15;
const REFERENCE_RUNS = 7;

const ROWS = [
	[
		'summary',
		'arena simulateSummary',
		'no per-bar arrays: streamed Sharpe, drawdown, exposure, turnover; trades'
	],
	[
		'reuse',
		'arena simulate, reused arrays',
		'writes equity, returns, units, notional into the same buffers each run'
	],
	['fresh', 'arena simulate, fresh arrays', 'allocates the four 8 MB output arrays each run'],
	[
		'every-bar',
		'arena simulate, fresh arrays',
		"close fills at lag 0, re-sized every bar, no stops (runBacktest's setting)"
	],
	[
		'run-backtest',
		'core/backtest runBacktest',
		'close-to-close, 5 bps fees, free re-sizing, no stops'
	],
	[
		'reference',
		'arena reference simulator',
		'same rules and config as the first rows; per-bar objects (the test oracle)'
	],
	[
		'floor-read',
		'memory floor, read only',
		'read the five input arrays; no logic (the floor of simulateSummary)'
	],
	[
		'floor-reuse',
		'memory floor, reused arrays',
		'read the inputs, write four reused output arrays; no logic'
	],
	[
		'floor-fresh',
		'memory floor, fresh arrays',
		'read the inputs, write four fresh output arrays; no logic'
	]
];

const only = process.argv[process.argv.indexOf('--row') + 1];
if (process.argv.includes('--row')) await runRow(only);
else runAll();

/** One row in this process: prints one JSON line. */
async function runRow(id) {
	const { register } = await import('tsx/esm/api');
	register({ tsconfig: false });
	const { simulate, simulateSummary, simulationBuffers, referenceSimulate } =
		await import('../src/lib/core/arena/index.ts');
	const { runBacktest } = await import('../src/lib/core/backtest/index.ts');
	const { generateGbm } = await import('../src/lib/core/synthetic/index.ts');

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
	const withStops = {
		fees: { bps: 5 },
		stops: { stopLoss: 0.01, takeProfit: 0.02, trailingStop: 0.01 }
	};
	const likeRunBacktest = { lag: 0, fill: 'close', rebalance: 'every_bar', fees: { bps: 5 } };
	const buffers = simulationBuffers(BARS);
	const index = Int32Array.from({ length: BARS - 1 }, (_, t) => t);
	const { open, high, low, close } = series;

	const floor = (out) => {
		let s = 0;
		for (let i = 0; i < BARS; i++) {
			s += open[i] + high[i] + low[i] + close[i] + targets[i];
			if (out) {
				out.equity[i] = s;
				out.returns[i] = s;
				out.units[i] = s;
				out.notional[i] = s;
			}
		}
		return { final: s };
	};
	const arena = (r) => ({ final: r.equity[BARS - 1], trades: r.trades.count, fills: r.fills });
	const cases = {
		summary: [
			() => simulateSummary(series, targets, withStops),
			(r) => ({ final: r.finalEquity, trades: r.trades.count, fills: r.fills })
		],
		reuse: [() => simulate(series, targets, withStops, buffers), arena],
		fresh: [() => simulate(series, targets, withStops), arena],
		'every-bar': [() => simulate(series, targets, likeRunBacktest), arena],
		'run-backtest': [
			() =>
				runBacktest({
					close,
					positions: targets.subarray(0, BARS - 1),
					index,
					feeBps: 5,
					periodsPerYear: 252 * 390
				}),
			(r) => ({ final: r.equity[BARS - 1], trades: r.trades, fills: r.trades })
		],
		reference: [
			() => referenceSimulate(series, targets, withStops),
			(r) => ({ final: r.equity[BARS - 1], trades: r.trades.length, fills: r.fills })
		],
		'floor-read': [() => floor(null), () => ({})],
		'floor-reuse': [() => floor(buffers), () => ({})],
		'floor-fresh': [() => floor(simulationBuffers(BARS)), () => ({})]
	};
	const [fn, summarize] = cases[id];
	const runs = id === 'reference' ? REFERENCE_RUNS : RUNS;
	let out = fn();
	const ms = [];
	for (let r = 0; r < runs; r++) {
		const t = performance.now();
		out = fn();
		ms.push(performance.now() - t);
	}
	ms.sort((a, b) => a - b);
	console.log(
		JSON.stringify({
			median_ms: ms[Math.floor(ms.length / 2)],
			min_ms: ms[0],
			runs,
			...summarize(out)
		})
	);
}

function runAll() {
	const self = fileURLToPath(import.meta.url);
	const rows = [];
	for (const [id, implementation, note] of ROWS) {
		const line = execFileSync(process.execPath, [self, '--row', id], { encoding: 'utf8' })
			.trim()
			.split('\n')
			.at(-1);
		const r = JSON.parse(line);
		rows.push({ id, implementation, note, ...r });
		console.error(`${implementation} (${id}): ${r.median_ms.toFixed(1)} ms`);
	}
	const finals = rows.filter((r) => ['summary', 'reuse', 'fresh', 'reference'].includes(r.id));
	const agreement = Math.max(...finals.map((r) => Math.abs(r.final - finals[0].final)));
	const fmt = (v, digits = 6) =>
		v === undefined ? '' : Number.isInteger(v) ? String(v) : v.toFixed(digits);
	const table = [
		`| Engine (${BARS.toLocaleString('en')} bars) | Median ms | Min ms | Runs | Final equity | Trades | Fills | Setting |`,
		'|---|---:|---:|---:|---:|---:|---:|---|',
		...rows.map(
			(r) =>
				`| ${r.implementation} | ${r.median_ms.toFixed(1)} | ${r.min_ms.toFixed(1)} | ${r.runs} | ${fmt(r.final)} | ${fmt(r.trades)} | ${fmt(r.fills)} | ${r.note} |`
		)
	].join('\n');
	console.log(table);
	console.log(
		`\nlargest |final equity − summary's| over summary, reused, fresh and reference = ${agreement.toExponential(2)}`
	);
	const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
	mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
	writeFileSync(
		new URL('./results/backtest.json', import.meta.url),
		JSON.stringify(
			{
				bench: 'backtest',
				date: new Date().toISOString(),
				machine,
				bars: BARS,
				command: 'node bench/backtest.bench.mjs',
				final_equity_max_abs_diff: agreement,
				rows
			},
			null,
			2
		) + '\n'
	);
}
