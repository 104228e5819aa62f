// Monte Carlo worker pool benchmark (issue #6): the CPU engine split across N worker_threads with
// `runMonteCarloPooled` (contiguous path chunks, exact merge), for N = 1 and 2: paths/s each and the
// linear projection to 25 million paths of 252 steps, checking that every pool gives the result of
// one in-process run bit for bit (the merge is exact, so speed never costs reproducibility).
// With MC_POOL_FULL=1 it instead runs the goal itself once: 25 million stationary-bootstrap paths on
// 2 workers, timed from the first worker's start to the merged summary (quantiles included).
// Each worker uses `simulatePaths` (the WebAssembly kernel, bit-identical to the JS twin) unless
// MC_POOL_ENGINE=js, which runs the JavaScript twin for comparison.
// Run: `npm run bench montecarlo-pool` (node --import tsx bench/montecarlo-pool.bench.ts);
// MC_POOL_PATHS=2000 for a smoke run; MC_POOL_MODEL=gbm|markov-gbm|bootstrap (default bootstrap).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
	resolveConfig,
	runMonteCarloCpu,
	simulatePaths,
	simulatePathsJs,
	type MonteCarloConfig,
	type PathOutputs
} from '../src/lib/core/montecarlo';
import { runMonteCarloPooled, type PathChunk } from '../src/lib/core/montecarlo/path-chunks';
import { MC_MODELS as MODELS } from './montecarlo-models';

const STEPS = 252;
const GOAL_PATHS = 25_000_000;
const GOAL_SECONDS = 120;
const FULL = process.env.MC_POOL_FULL === '1';
const PATHS = FULL ? GOAL_PATHS : Number(process.env.MC_POOL_PATHS ?? 1_000_000);
const ENGINE = process.env.MC_POOL_ENGINE === 'js' ? 'js' : 'wasm';
const MODEL_NAME = (process.env.MC_POOL_MODEL ?? 'bootstrap') as keyof typeof MODELS;
if (!(MODEL_NAME in MODELS))
	throw new Error(
		`MC_POOL_MODEL must be one of ${Object.keys(MODELS).join(', ')}, got ${MODEL_NAME}`
	);

const config: MonteCarloConfig = {
	model: MODELS[MODEL_NAME],
	paths: PATHS,
	steps: STEPS,
	seed: 11,
	ruinThreshold: 0.7
};

if (!isMainThread) {
	// A pool worker: one chunk in, its per-path outputs out (buffers transferred).
	const { chunk } = workerData as { chunk: PathChunk };
	const model = resolveConfig(config);
	if (!model.ok) throw new Error(model.message);
	const simulate = ENGINE === 'js' ? simulatePathsJs : simulatePaths;
	const out = simulate(config, model.value, chunk.first, chunk.count);
	parentPort!.postMessage(out, [
		out.finalReturn.buffer,
		out.maxDrawdown.buffer,
		out.sharpe.buffer,
		out.ruined.buffer
	] as ArrayBuffer[]);
} else {
	const runChunk = (chunk: PathChunk) =>
		new Promise<PathOutputs>((resolve, reject) => {
			// Node 20 workers do not inherit `--import tsx`: the bootstrap registers tsx, then loads this file.
			const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
			const worker = new Worker(bootstrap, { eval: true, workerData: { chunk } });
			worker.once('message', (out: PathOutputs) => {
				resolve(out);
				void worker.terminate();
			});
			worker.once('error', reject);
		});

	const machine = `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
	console.log(`Machine: ${machine}`);
	mkdirSync('bench/results', { recursive: true });
	if (FULL) {
		const t0 = performance.now();
		const result = await runMonteCarloPooled(config, 2, runChunk);
		const seconds = (performance.now() - t0) / 1000;
		console.log(
			`\n${PATHS.toLocaleString('en-US')} ${MODEL_NAME} paths × ${STEPS} steps on 2 workers (${ENGINE}): ` +
				`${seconds.toFixed(1)} s (goal ≤ ${GOAL_SECONDS} s: ${seconds <= GOAL_SECONDS ? 'met' : 'not met'})`
		);
		console.log(
			`final return p5/p50/p95 ${result.finalReturn.quantiles[1].toFixed(4)} / ${result.finalReturn.quantiles[3].toFixed(4)} / ${result.finalReturn.quantiles[5].toFixed(4)}, ` +
				`max drawdown p95 ${result.maxDrawdown.quantiles[5].toFixed(4)}, P(ruin at 0.7) ${result.ruinProbability.toFixed(5)}`
		);
		writeFileSync(
			'bench/results/montecarlo-pool-full.json',
			JSON.stringify(
				{ machine, model: MODEL_NAME, engine: ENGINE, paths: PATHS, steps: STEPS, seconds, result },
				null,
				2
			)
		);
	} else {
		const reference = runMonteCarloCpu(config);
		const rows: {
			workers: number;
			seconds: number;
			pathsPerSecond: number;
			projected25M: number;
			exact: boolean;
		}[] = [];
		for (const workers of [1, 2]) {
			const t0 = performance.now();
			const result = await runMonteCarloPooled(config, workers, runChunk);
			const seconds = (performance.now() - t0) / 1000;
			rows.push({
				workers,
				seconds,
				pathsPerSecond: PATHS / seconds,
				projected25M: (GOAL_PATHS / PATHS) * seconds,
				exact: isDeepStrictEqual(result, reference)
			});
		}
		console.log(
			`\n${PATHS.toLocaleString('en-US')} ${MODEL_NAME} paths × ${STEPS} steps, engine ${ENGINE} (worker start-up included)\n`
		);
		console.log(
			'| workers | seconds | paths/s | 25M paths (projected) | same as 1 in-process run |'
		);
		console.log('|---:|---:|---:|---:|:---:|');
		for (const r of rows)
			console.log(
				`| ${r.workers} | ${r.seconds.toFixed(2)} | ${Math.round(r.pathsPerSecond).toLocaleString('en-US')} | ${(r.projected25M / 60).toFixed(1)} min | ${r.exact ? 'yes' : 'NO'} |`
			);
		writeFileSync(
			'bench/results/montecarlo-pool.json',
			JSON.stringify(
				{ machine, model: MODEL_NAME, engine: ENGINE, paths: PATHS, steps: STEPS, rows },
				null,
				2
			)
		);
		if (rows.some((r) => !r.exact)) process.exit(1);
	}
}
