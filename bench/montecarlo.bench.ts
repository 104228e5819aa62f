// Monte Carlo benchmark (issue #6): paths of 252 steps with final return, max drawdown, Sharpe and
// ruin per path, then summaries. The f64 CPU engines on one core (the JavaScript twin and the
// WebAssembly kernel), and the WGSL kernel on whatever
// adapter acquireNodeGpu finds (SwiftShader here: a CPU-emulated GPU, labelled software). The time
// for 25 million paths is extrapolated linearly from the measured rate (each path costs the same).
// Run: `npm run bench montecarlo` (node --import tsx bench/montecarlo.bench.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { adapterLabel } from '../src/lib/compute/device';
import { runMonteCarloGpu } from '../src/lib/compute/montecarlo';
import { acquireNodeGpu } from '../src/lib/compute/node-gpu';
import {
	resolveConfig,
	runMonteCarloCpu,
	simulatePathsJs,
	summarizePaths,
	type MonteCarloConfig
} from '../src/lib/core/montecarlo';
import { MC_MODELS as MODELS } from './montecarlo-models';

const STEPS = 252;
const GOAL_PATHS = 25_000_000;
const GOAL_SECONDS = 120;
const CPU_PATHS = Number(process.env.MC_CPU_PATHS ?? 1_000_000);
const GPU_PATHS = Number(process.env.MC_GPU_PATHS ?? 200_000);

interface Row {
	engine: string;
	model: string;
	paths: number;
	steps: number;
	seconds: number;
	paths_per_second: number;
	extrapolated_25m_seconds: number;
	note: string;
}
const rows: Row[] = [];
const row = (engine: string, model: string, paths: number, seconds: number, note: string) => {
	const rate = paths / seconds;
	rows.push({
		engine,
		model,
		paths,
		steps: STEPS,
		seconds,
		paths_per_second: rate,
		extrapolated_25m_seconds: GOAL_PATHS / rate,
		note
	});
	console.error(`${engine} ${model}: ${paths} paths in ${seconds.toFixed(2)} s`);
};
const config = (model: keyof typeof MODELS, paths: number): MonteCarloConfig => ({
	model: MODELS[model],
	paths,
	steps: STEPS,
	seed: 1,
	ruinThreshold: 0.7
});

// CPU, one core: the JavaScript twin (the reference) and the WebAssembly kernel that `runMonteCarloCpu`
// uses (bit-identical; checked here on the summaries too), on the same paths.
for (const [model, paths] of [
	['gbm', CPU_PATHS / 4],
	['bootstrap', CPU_PATHS],
	['markov-gbm', CPU_PATHS / 4]
] as const) {
	const c = config(model, paths);
	const resolved = resolveConfig(c);
	if (!resolved.ok) throw new Error(resolved.message);
	let t = performance.now();
	const js = summarizePaths(c, simulatePathsJs(c, resolved.value, 0, paths));
	row(
		'CPU, JavaScript twin (f64, 1 core)',
		model,
		paths,
		(performance.now() - t) / 1000,
		'measured'
	);
	t = performance.now();
	const wasm = runMonteCarloCpu(c);
	const same = isDeepStrictEqual(js, wasm);
	row(
		'CPU, WebAssembly (f64, 1 core)',
		model,
		paths,
		(performance.now() - t) / 1000,
		same ? 'measured; summaries identical to the JS twin' : 'MISMATCH with the JS twin'
	);
	if (!same) process.exitCode = 1;
}

const gpu = await acquireNodeGpu();
let gpuLabel = 'none';
if (gpu.ok) {
	gpuLabel = `${adapterLabel(gpu.value.adapterInfo)}${gpu.value.isSoftware ? ', software' : ''}`;
	const engine = `WebGPU f32 (${gpu.value.isSoftware ? 'SwiftShader, software' : gpuLabel})`;
	await runMonteCarloGpu(gpu.value, config('gbm', 1000)); // compile outside the timings
	for (const model of ['gbm', 'bootstrap'] as const) {
		const t = performance.now();
		await runMonteCarloGpu(gpu.value, config(model, GPU_PATHS));
		row(
			engine,
			model,
			GPU_PATHS,
			(performance.now() - t) / 1000,
			'measured, includes read-back and quantiles'
		);
	}
	gpu.value.device.destroy();
} else console.error(`no GPU: ${gpu.message}`);

const cores = cpus().length;
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toPrecision(3));
const lines = [
	`| engine | model | paths measured | s | paths/s | 25M paths, s (1 core) | 25M paths, s (${cores} cores, ideal) |`,
	'|---|---|---:|---:|---:|---:|---:|',
	...rows.map((r) => {
		const cpu = r.engine.startsWith('CPU');
		return `| ${r.engine} | ${r.model} | ${r.paths.toLocaleString('en')} | ${fmt(r.seconds)} | ${Math.round(r.paths_per_second).toLocaleString('en')} | ${cpu ? fmt(r.extrapolated_25m_seconds) : '—'} | ${fmt(r.extrapolated_25m_seconds / (cpu ? cores : 1))} |`;
	})
];
console.log(
	`\nMonte Carlo, ${STEPS} steps per path (goal: ${GOAL_PATHS.toLocaleString('en')} paths in ≤ ${GOAL_SECONDS} s). GPU: ${gpuLabel}.`
);
console.log(
	'25M columns are linear extrapolations of the measured rate; the multi-core column assumes perfect scaling over workers (not measured); the GPU row is the whole device.\n'
);
console.log(lines.join('\n'));

mkdirSync('bench/results', { recursive: true });
writeFileSync(
	'bench/results/montecarlo.json',
	JSON.stringify(
		{
			bench: 'montecarlo',
			date: new Date().toISOString(),
			machine: `${cpus()[0]?.model ?? 'unknown CPU'} × ${cores}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
			gpu: gpuLabel,
			command: 'node --import tsx bench/montecarlo.bench.ts',
			steps: STEPS,
			goal: { paths: GOAL_PATHS, seconds: GOAL_SECONDS },
			rows
		},
		null,
		2
	) + '\n'
);
