#!/usr/bin/env node
// Feature compute benchmark: our CPU twins and our WebGPU kernels against the npm peers
// `technicalindicators` and `@ixjb94/indicators`, on the same 1,000,000 synthetic bars in the same
// run. Reports the median (and min) of several runs, prints a markdown table and writes
// bench/results/features.json. Run: `node bench/features.bench.mjs` (or `npm run bench features`).
// Not part of the test suite: it measures speed; the twin tests measure truth.
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { register } from 'tsx/esm/api';
import ti from 'technicalindicators';
import { IndicatorsSync } from '@ixjb94/indicators';

register({ tsconfig: false });
const { ema, rollingMean, rollingStd, computeFeaturesCpu, DEFAULT_FEATURES } =
	await import('../src/lib/core/features/index.ts');
const { syntheticCloses } = await import('../src/lib/core/features/synthetic-closes.ts');
const { computeFeatures } = await import('../src/lib/compute/features.ts');
const { acquireNodeGpu } = await import('../src/lib/compute/node-gpu.ts');
const { adapterLabel } = await import('../src/lib/compute/device.ts');

const BARS = 1_000_000;
const CPU_RUNS = 9;
const GPU_RUNS = 5;

const close = syntheticCloses(BARS, 42);
const closeArray = Array.from(close); // the peers' documented input; converted outside the timings
const series = {
	symbol: 'SYN',
	time: new Float64Array(BARS),
	open: close,
	high: close,
	low: close,
	close,
	volume: close
};
const ix = new IndicatorsSync();

/** Median and min wall time (ms) of `runs` calls after one warm-up call; returns the last output. */
async function time(fn, runs) {
	let out = await fn();
	const ms = [];
	for (let r = 0; r < runs; r++) {
		const t = performance.now();
		out = await fn();
		ms.push(performance.now() - t);
	}
	ms.sort((a, b) => a - b);
	return { median: ms[Math.floor(ms.length / 2)], min: ms[0], runs, out };
}

/** Largest |a − b| / |b| over the last `tail` rows, aligning the peers' shorter outputs to the end. */
function maxRelDiff(ours, theirs, tail = 100_000, scale = 1) {
	let worst = 0;
	for (let k = 1; k <= tail; k++) {
		const a = ours[ours.length - k];
		const b = theirs[theirs.length - k] * scale;
		worst = Math.max(worst, Math.abs(a - b) / Math.abs(b));
	}
	return worst;
}

const gpu = await acquireNodeGpu();
const ctx = gpu.ok ? gpu.value : null;
const gpuLabel = ctx
	? `${adapterLabel(ctx.adapterInfo)}${ctx.isSoftware ? ', software' : ''}`
	: null;
const popToSample = Math.sqrt(20 / 19); // peers' population std → sample std

const rows = [];
async function row(indicator, implementation, fn, runs, note, check) {
	const t = await time(fn, runs);
	const agreement = check ? check(t.out) : null;
	rows.push({
		indicator,
		implementation,
		median_ms: t.median,
		min_ms: t.min,
		runs,
		note,
		max_rel_diff_vs_ours: agreement
	});
	console.error(`${indicator} · ${implementation}: ${t.median.toFixed(1)} ms`);
}

const oursEma = ema(close, 12);
const oursSma = rollingMean(close, 20);
const oursStd = rollingStd(close, 20);
const gpuCall = (spec) => async () =>
	(await computeFeatures(series, [spec], { gpu: ctx })).matrix.columns[0];

await row('EMA(12)', 'axon CPU twin (f64)', () => ema(close, 12), CPU_RUNS, 'SMA seed (TA-Lib)');
await row(
	'EMA(12)',
	'technicalindicators 3.1.0',
	() => ti.EMA.calculate({ period: 12, values: closeArray }),
	CPU_RUNS,
	'SMA seed',
	(o) => maxRelDiff(oursEma, o)
);
await row(
	'EMA(12)',
	'@ixjb94/indicators 1.2.4',
	() => ix.ema(closeArray, 12),
	CPU_RUNS,
	'seeded with the first value',
	(o) => maxRelDiff(oursEma, o)
);
await row(
	'SMA(20)',
	'axon CPU twin (f64, compensated)',
	() => rollingMean(close, 20),
	CPU_RUNS,
	''
);
await row(
	'SMA(20)',
	'technicalindicators 3.1.0',
	() => ti.SMA.calculate({ period: 20, values: closeArray }),
	CPU_RUNS,
	'',
	(o) => maxRelDiff(oursSma, o)
);
await row(
	'SMA(20)',
	'@ixjb94/indicators 1.2.4',
	() => ix.sma(closeArray, 20),
	CPU_RUNS,
	'',
	(o) => maxRelDiff(oursSma, o)
);
await row(
	'Std(20)',
	'axon CPU twin (f64, sample, Welford)',
	() => rollingStd(close, 20),
	CPU_RUNS,
	'sample (n − 1)'
);
await row(
	'Std(20)',
	'technicalindicators 3.1.0',
	() => ti.SD.calculate({ period: 20, values: closeArray }),
	CPU_RUNS,
	'population (n); compared ×√(20/19)',
	(o) => maxRelDiff(oursStd, o, 100_000, popToSample)
);
await row(
	'Std(20)',
	'@ixjb94/indicators 1.2.4',
	() => ix.stddev(closeArray, 20),
	CPU_RUNS,
	'population, Σx² − (Σx)²; compared ×√(20/19)',
	(o) => maxRelDiff(oursStd, o, 100_000, popToSample)
);
await row(
	'5 default features',
	'axon CPU twins',
	() => computeFeaturesCpu(series, DEFAULT_FEATURES),
	CPU_RUNS,
	'log_return, mean/std 20 of returns, EMA 12/26'
);
if (ctx) {
	const note = `WebGPU ${gpuLabel}; upload + kernels + readback, f32`;
	await row('EMA(12)', 'axon WebGPU', gpuCall({ kind: 'ema', period: 12 }), GPU_RUNS, note, (o) =>
		maxRelDiff(o, oursEma)
	);
	await row(
		'SMA(20)',
		'axon WebGPU',
		gpuCall({ kind: 'rolling_mean', window: 20 }),
		GPU_RUNS,
		note,
		(o) => maxRelDiff(o, oursSma)
	);
	await row(
		'Std(20)',
		'axon WebGPU',
		gpuCall({ kind: 'rolling_std', window: 20 }),
		GPU_RUNS,
		note,
		(o) => maxRelDiff(o, oursStd)
	);
	await row(
		'5 default features',
		'axon WebGPU',
		async () => (await computeFeatures(series, DEFAULT_FEATURES, { gpu: ctx })).matrix,
		GPU_RUNS,
		note
	);
	ctx.device.destroy();
}

const fmt = (v) => (v === null ? '' : v < 1e-3 ? v.toExponential(1) : v.toFixed(4));
const table = [
	`| Indicator (${BARS.toLocaleString('en')} bars) | Implementation | Median ms | Min ms | Runs | Max rel. diff vs axon CPU (last 100k) | Note |`,
	'|---|---|---:|---:|---:|---:|---|',
	...rows.map(
		(r) =>
			`| ${r.indicator} | ${r.implementation} | ${r.median_ms.toFixed(1)} | ${r.min_ms.toFixed(1)} | ${r.runs} | ${fmt(r.max_rel_diff_vs_ours)} | ${r.note} |`
	)
].join('\n');
console.log(table);
if (!ctx) console.log(`\nWebGPU not measured: ${gpu.message}`);

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
	new URL('./results/features.json', import.meta.url),
	JSON.stringify(
		{
			bench: 'features',
			date: new Date().toISOString(),
			machine,
			bars: BARS,
			gpu: gpuLabel,
			command: 'node bench/features.bench.mjs',
			rows
		},
		null,
		2
	) + '\n'
);
