// Vectorised parameter sweep benchmark (issue #6): 10,000 moving-average-crossover strategies
// (fast SMA 2…101 × slow SMA 110, 130, …, 590 × dead band 0, 0.1%, 0.5%, 1%) as columns of one
// simulation over 100,000 GBM bars, with streaming metrics (final return, Sharpe, max drawdown,
// trades, turnover). Measured: one thread (`runSweep`), and 2 worker threads each running
// `runSweepChunk` over half the columns (this file is also the worker: a Node-only shell over the
// pure core, as a page would use Web Workers). Peer in the same run: the naive approach — per
// column, both SMAs recomputed, positions by `thresholdPositions`, `runBacktest`, then
// `sharpeRatio` / `maxDrawdown` / `totalReturn` on the materialised curve — timed on 200 columns
// (every 50th) and extrapolated to 10,000. Run: `npm run bench sweep`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
	maxDrawdown,
	runBacktest,
	sharpeRatio,
	thresholdPositions,
	totalReturn
} from '../src/lib/core/backtest';
import { findIndicator } from '../src/lib/core/indicators/registry';
import type { OhlcvSeries } from '../src/lib/core/ohlcv';
import {
	IndicatorCache,
	crossoverColumns,
	expandGrid,
	mergeChunks,
	runSweep,
	runSweepChunk,
	type SweepChunk
} from '../src/lib/core/sweep';
import { generateGbm } from '../src/lib/core/synthetic/gbm';

const BARS = Number(process.env.SWEEP_BARS ?? 100_000);
const THREADS = 2;
const NAIVE_STRIDE = 50;
const OPTIONS = { feeBps: 5, periodsPerYear: 252 };
const GRID = {
	fast: Array.from({ length: 100 }, (_, i) => 2 + i),
	slow: Array.from({ length: 25 }, (_, i) => 110 + 20 * i),
	band: [0, 0.001, 0.005, 0.01]
};
const combos = expandGrid(GRID);

interface Job {
	series: OhlcvSeries;
	from: number;
	to: number;
}

if (!isMainThread) {
	// Worker: rebuild the columns from the grid (signals are not shipped, only prices), run a range.
	const { series, from, to } = workerData as Job;
	const t0 = performance.now();
	const columns = crossoverColumns(new IndicatorCache(series), combos);
	const chunk = runSweepChunk(series, columns, from, to, OPTIONS);
	const ms = performance.now() - t0;
	const buffers = Object.values(chunk).flatMap((v) =>
		v instanceof Float64Array ? [v.buffer] : []
	);
	parentPort!.postMessage({ chunk, ms }, buffers);
} else {
	await main();
}

function runWorker(job: Job): Promise<{ chunk: SweepChunk; ms: number }> {
	return new Promise((resolve, reject) => {
		// tsx's --import hook does not reach worker threads on Node 20: register it in the worker.
		const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`;
		const worker = new Worker(boot, { eval: true, workerData: job });
		worker.once('message', (m) => {
			resolve(m);
			void worker.terminate();
		});
		worker.once('error', reject);
	});
}

async function main() {
	const series = generateGbm({
		seed: 42,
		bars: BARS,
		s0: 100,
		mu: 0.05,
		sigma: 0.2,
		symbol: 'SYN'
	});

	// One thread.
	const t0 = performance.now();
	const cache = new IndicatorCache(series);
	const columns = crossoverColumns(cache, combos);
	const t1 = performance.now();
	const single = runSweep(series, columns, OPTIONS);
	const t2 = performance.now();
	const buildMs = t1 - t0;
	const singleMs = t2 - t0;
	console.error(
		`1 thread: ${singleMs.toFixed(0)} ms (${cache.computations} SMAs in ${buildMs.toFixed(0)} ms)`
	);

	// Worker threads: contiguous halves of the columns.
	const t3 = performance.now();
	const per = Math.ceil(combos.length / THREADS);
	const results = await Promise.all(
		Array.from({ length: THREADS }, (_, i) =>
			runWorker({ series, from: i * per, to: Math.min(combos.length, (i + 1) * per) })
		)
	);
	const merged = mergeChunks(results.map((r) => r.chunk));
	const parallelMs = performance.now() - t3;
	const workerMs = Math.max(...results.map((r) => r.ms));
	const same = merged.sharpe.every((v, i) => Object.is(v, single.sharpe[i]));
	console.error(
		`${THREADS} workers: ${parallelMs.toFixed(0)} ms wall (slowest worker ${workerMs.toFixed(0)} ms), identical: ${same}`
	);

	// Naive peer: every 50th column, indicators recomputed per column, curves materialised.
	const sma = findIndicator('sma')!;
	const index = Int32Array.from({ length: BARS - 1 }, (_, t) => t);
	const sample = combos.filter((_, c) => c % NAIVE_STRIDE === 0);
	let worstDiff = 0;
	const t4 = performance.now();
	sample.forEach(({ fast, slow, band }, i) => {
		const f = sma.compute(series, { n: fast })[0];
		const s = sma.compute(series, { n: slow })[0];
		const positions = thresholdPositions(
			f.map((v, t) => v / s[t] - 1),
			band
		);
		const run = runBacktest({
			close: series.close,
			positions: positions.subarray(0, BARS - 1),
			index,
			...OPTIONS
		});
		const sharpe = sharpeRatio(run.returns, OPTIONS.periodsPerYear) ?? NaN;
		const dd = maxDrawdown(run.equity).maxDrawdown;
		const ret = totalReturn(run.equity);
		const c = i * NAIVE_STRIDE;
		worstDiff = Math.max(
			worstDiff,
			Math.abs(sharpe - single.sharpe[c]),
			Math.abs(dd - single.maxDrawdown[c]),
			Math.abs(ret - single.finalReturn[c])
		);
	});
	const naiveSampleMs = performance.now() - t4;
	const naiveMs = (naiveSampleMs / sample.length) * combos.length;
	console.error(
		`naive: ${naiveSampleMs.toFixed(0)} ms for ${sample.length} columns, max |Δ| vs sweep ${worstDiff}`
	);

	const cells = combos.length * (BARS - 1);
	const row = (name: string, ms: number, note: string) =>
		`| ${name} | ${(ms / 1000).toFixed(2)} | ${((ms * 1e6) / cells).toFixed(2)} | ${(naiveMs / ms).toFixed(1)}× | ${note} |`;
	const table = [
		`| ${combos.length.toLocaleString('en-US')} SMA-crossover strategies × ${BARS.toLocaleString('en-US')} GBM bars | s | ns / strategy-bar | vs naive | notes |`,
		`|---|---:|---:|---:|---|`,
		row(
			'`runSweep`, 1 thread',
			singleMs,
			`incl. ${cache.computations} distinct SMAs (${buildMs.toFixed(0)} ms)`
		),
		row(
			`\`runSweepChunk\` × ${THREADS} worker threads + \`mergeChunks\``,
			parallelMs,
			`wall incl. worker start-up; slowest worker ${(workerMs / 1000).toFixed(2)} s; results identical: ${same}`
		),
		row(
			'naive per-column `runBacktest` (peer)',
			naiveMs,
			`extrapolated ×${NAIVE_STRIDE} from ${sample.length} columns (${(naiveSampleMs / 1000).toFixed(2)} s); max |Δ| vs sweep ${worstDiff.toExponential(1)}`
		)
	].join('\n');
	console.log(table);

	mkdirSync('bench/results', { recursive: true });
	writeFileSync(
		'bench/results/sweep.json',
		JSON.stringify(
			{
				machine: `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}`,
				node: process.version,
				bars: BARS,
				strategies: combos.length,
				grid: GRID,
				options: OPTIONS,
				distinctIndicators: cache.computations,
				singleThreadMs: singleMs,
				indicatorBuildMs: buildMs,
				threads: THREADS,
				parallelWallMs: parallelMs,
				slowestWorkerMs: workerMs,
				parallelIdentical: same,
				naiveSampleColumns: sample.length,
				naiveSampleMs,
				naiveExtrapolatedMs: naiveMs,
				naiveMaxAbsDiff: worstDiff
			},
			null,
			2
		) + '\n'
	);
}
