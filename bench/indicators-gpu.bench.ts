// GPU indicator batch benchmark (issue #3, 6a): every registry indicator with a GPU plan, run over
// series × bars × parameter sets in one dispatch on the Dawn adapter acquireNodeGpu finds
// (SwiftShader here: a CPU-emulated GPU, labelled software; a real GPU where Vulkan has one),
// against the f64 CPU batch path (`compute`, one core) on the same inputs in the same run.
// Throughput is series × bars × features per second, features = parameter sets × outputs.
// GPU times are end to end: packing, upload, every pass, read-back (pipelines compiled beforehand).
//
// Run: `npm run bench indicators-gpu` (scripts/bench.mjs pins VK_ICD_FILENAMES to SwiftShader), or
// directly with sizes:
//   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json \
//   node --import tsx bench/indicators-gpu.bench.ts --series 8 --bars 10000 [--params 3]
//   [--runs 3] [--ids sma,ema,rsi] [--no-write]
// On a machine with a real GPU, leave VK_ICD_FILENAMES unset so Dawn picks the system's Vulkan
// driver (acquireNodeGpu falls back to SwiftShader only when none gives an adapter). Keep
// lanes × bars × plan columns × 4 bytes under the adapter's maxStorageBufferBindingSize.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { adapterLabel } from '../src/lib/compute/device';
import { computeIndicatorGpu } from '../src/lib/compute/indicators/compute-indicator-gpu';
import { GPU_PLANS } from '../src/lib/compute/indicators/gpu-plans';
import { IndicatorGpuLimitError } from '../src/lib/compute/indicators/run-gpu-plan';
import { paramVariants } from '../src/lib/compute/indicators/testing/param-variants';
import { acquireNodeGpu } from '../src/lib/compute/node-gpu';
import type { IndicatorDef, RelationDef } from '../src/lib/core/indicators/indicator';
import { INDICATORS, RELATIONS } from '../src/lib/core/indicators/registry';
import { generateGbm } from '../src/lib/core/synthetic/gbm';

function arg(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
	if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
	return v;
}
const SERIES = arg('series', 8);
const BARS = arg('bars', 10_000);
const PARAMS = arg('params', 3);
const RUNS = arg('runs', 3);
const idsAt = process.argv.indexOf('--ids');
const IDS = idsAt >= 0 ? new Set(process.argv[idsAt + 1].split(',')) : null;
const WRITE = !process.argv.includes('--no-write');

const series = Array.from({ length: SERIES }, (_, s) =>
	generateGbm({
		seed: 100 + s,
		bars: BARS,
		s0: 50 + 10 * s,
		mu: 0.05,
		sigma: 0.25,
		symbol: `S${s}`
	})
);
const others = series.map((_, s) => series[(s + 1) % SERIES].close);
const defs = ([...INDICATORS, ...RELATIONS] as (IndicatorDef | RelationDef)[]).filter(
	(d) => GPU_PLANS[d.id] && (!IDS || IDS.has(d.id))
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function seconds(fn: () => unknown): Promise<number> {
	const times: number[] = [];
	for (let r = 0; r < RUNS; r++) {
		const t = performance.now();
		await fn();
		times.push((performance.now() - t) / 1000);
	}
	return median(times);
}

interface Row {
	id: string;
	features: number;
	elements: number;
	cpu_seconds: number;
	gpu_seconds: number | null;
	cpu_elements_per_second: number;
	gpu_elements_per_second: number | null;
	note: string;
}

const gpu = await acquireNodeGpu();
if (!gpu.ok) console.error(`no GPU: ${gpu.message} (CPU rows only)`);
const gpuLabel = gpu.ok
	? `${adapterLabel(gpu.value.adapterInfo)}${gpu.value.isSoftware ? ', software' : ''}`
	: 'none';

const rows: Row[] = [];
for (const def of defs) {
	const sets = paramVariants(def, PARAMS);
	const features = sets.length * def.outputs.length;
	const elements = SERIES * BARS * features;
	const cpu = await seconds(() => {
		series.forEach((s, i) =>
			sets.forEach((p) =>
				def.category === 'relation'
					? (def as RelationDef).compute(s, p, others[i])
					: (def as IndicatorDef).compute(s, p)
			)
		);
	});
	let gpuSeconds: number | null = null;
	let note = '';
	if (gpu.ok) {
		const run = () => computeIndicatorGpu(gpu.value, def, series, sets, { others });
		try {
			await run(); // compiles the pipelines outside the timings
			gpuSeconds = await seconds(run);
		} catch (e) {
			if (!(e instanceof IndicatorGpuLimitError)) throw e;
			note = 'exceeds the GPU buffer limit at this size';
		}
	}
	rows.push({
		id: def.id,
		features,
		elements,
		cpu_seconds: cpu,
		gpu_seconds: gpuSeconds,
		cpu_elements_per_second: elements / cpu,
		gpu_elements_per_second: gpuSeconds ? elements / gpuSeconds : null,
		note
	});
	console.error(`${def.id}: cpu ${cpu.toFixed(3)} s, gpu ${gpuSeconds?.toFixed(3) ?? '—'} s`);
}
if (gpu.ok) gpu.value.device.destroy();

const total = (key: 'cpu_seconds' | 'gpu_seconds') =>
	rows.reduce((sum, r) => sum + (r[key] ?? NaN), 0);
const allElements = rows.reduce((sum, r) => sum + r.elements, 0);
const rate = (x: number | null) =>
	x === null || !Number.isFinite(x) ? '—' : (x / 1e6).toPrecision(3);
const lines = [
	'| indicator | features | CPU f64 s | CPU M elem/s | GPU f32 s | GPU M elem/s | GPU / CPU |',
	'|---|---:|---:|---:|---:|---:|---:|',
	...rows.map(
		(r) =>
			`| ${r.id} | ${r.features} | ${r.cpu_seconds.toPrecision(3)} | ${rate(r.cpu_elements_per_second)} | ${r.gpu_seconds?.toPrecision(3) ?? '—'} | ${rate(r.gpu_elements_per_second)} | ${r.gpu_seconds ? (r.cpu_seconds / r.gpu_seconds).toPrecision(3) + '×' : r.note || '—'} |`
	),
	`| **all ${rows.length}** | ${rows.reduce((s, r) => s + r.features, 0)} | ${total('cpu_seconds').toPrecision(3)} | ${rate(allElements / total('cpu_seconds'))} | ${gpu.ok ? total('gpu_seconds').toPrecision(3) : '—'} | ${gpu.ok ? rate(allElements / total('gpu_seconds')) : '—'} | ${gpu.ok ? (total('cpu_seconds') / total('gpu_seconds')).toPrecision(3) + '×' : '—'} |`
];
console.log(
	`\nGPU indicator batch: ${SERIES} series × ${BARS.toLocaleString('en')} bars × ${PARAMS} parameter sets per dispatch, median of ${RUNS} runs. GPU: ${gpuLabel}. CPU: the f64 batch path on one core.`
);
console.log('Elements = series × bars × features (features = parameter sets × outputs).\n');
console.log(lines.join('\n'));

if (WRITE) {
	mkdirSync('bench/results', { recursive: true });
	writeFileSync(
		'bench/results/indicators-gpu.json',
		JSON.stringify(
			{
				bench: 'indicators-gpu',
				date: new Date().toISOString(),
				machine: `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
				gpu: gpuLabel,
				command: `node --import tsx bench/indicators-gpu.bench.ts --series ${SERIES} --bars ${BARS} --params ${PARAMS} --runs ${RUNS}`,
				rows
			},
			null,
			2
		) + '\n'
	);
}
