// Monte Carlo worker pool benchmark (issue #6): the CPU twin split across N worker_threads with
// `runMonteCarloPooled` (contiguous path chunks, exact merge), for N = 1 and 2, paths/s each and the
// linear projection to 25 million paths of 252 steps. Also checks that both pools give the result of
// one in-process run bit for bit (the merge is exact, so speed never costs reproducibility).
// Run: `npm run bench montecarlo-pool` (node --import tsx bench/montecarlo-pool.bench.ts);
// MC_POOL_PATHS=2000 for a smoke run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
	resolveConfig,
	runMonteCarloCpu,
	simulatePaths,
	type MonteCarloConfig,
	type PathOutputs
} from '../src/lib/core/montecarlo';
import { runMonteCarloPooled, type PathChunk } from '../src/lib/core/montecarlo/path-chunks';

const STEPS = 252;
const GOAL_PATHS = 25_000_000;
const PATHS = Number(process.env.MC_POOL_PATHS ?? 200_000);
const config: MonteCarloConfig = {
	model: { kind: 'gbm', mu: 3e-4, sigma: 0.012 },
	paths: PATHS,
	steps: STEPS,
	seed: 11
};

if (!isMainThread) {
	// A pool worker: one chunk in, its per-path outputs out (buffers transferred).
	const { chunk } = workerData as { chunk: PathChunk };
	const model = resolveConfig(config);
	if (!model.ok) throw new Error(model.message);
	const out = simulatePaths(config, model.value, chunk.first, chunk.count);
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
		`Machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB`
	);
	console.log(
		`\n${PATHS.toLocaleString('en-US')} GBM paths × ${STEPS} steps (worker start-up included)\n`
	);
	console.log('| workers | seconds | paths/s | 25M paths (projected) | same as 1 in-process run |');
	console.log('|---:|---:|---:|---:|:---:|');
	for (const r of rows)
		console.log(
			`| ${r.workers} | ${r.seconds.toFixed(2)} | ${Math.round(r.pathsPerSecond).toLocaleString('en-US')} | ${(r.projected25M / 60).toFixed(1)} min | ${r.exact ? 'yes' : 'NO'} |`
		);
	mkdirSync('bench/results', { recursive: true });
	writeFileSync(
		'bench/results/montecarlo-pool.json',
		JSON.stringify({ paths: PATHS, steps: STEPS, rows }, null, 2)
	);
	if (rows.some((r) => !r.exact)) process.exit(1);
}
