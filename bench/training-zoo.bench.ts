// Training throughput of every model-zoo preset (issue #4): samples/s of one epoch of Adam on the
// zoo objective (`zooLoss`: each head's loss + auxiliary losses) over real windows of the bundled
// TTRC dataset, on the tfjs CPU and WASM (XNNPACK) backends and on WebGPU (Dawn in Node: SwiftShader
// on a machine without a GPU, labelled software), plus the LSTM preset with the fused WGSL kernels on
// WebGPU, and PyTorch CPU (bench/torch_lstm_anchor.py) for a plain LSTM of the same width, window and
// batch as the native anchor.
// Run: `npm run bench training-zoo` (node --import tsx bench/training-zoo.bench.ts).
// Sizes: ZOO_WINDOW (16), ZOO_WIDTH (16), ZOO_BATCH (64), ZOO_SAMPLES (1024 on cpu/wasm),
// ZOO_GPU_SAMPLES (256 on WebGPU: SwiftShader emulates the GPU on the CPU and is slow),
// ZOO_BACKENDS (cpu,wasm,webgpu), ZOO_PRESETS (all). One untimed warm-up epoch (kernel compilation),
// then one timed epoch; seeds fixed (model seed 7, data order fixed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { preset, PRESET_IDS, type PresetId } from '../src/lib/core/models';
import type { ModelSpec } from '../src/lib/core/protocol';
import { selectBackend } from '../src/lib/ml/backend';
import { installNodeWebGpu } from '../src/lib/ml/node-webgpu';
import { buildModel, zooLoss, type BuiltModel } from '../src/lib/ml/zoo';
import { ttrcWindows } from '../src/lib/ml/zoo/testing/ttrc-windows';
import { torchLstmAnchor } from './torch-anchor';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const WINDOW = env('ZOO_WINDOW', 16);
const WIDTH = env('ZOO_WIDTH', 16);
const BATCH = env('ZOO_BATCH', 64);
const SAMPLES = env('ZOO_SAMPLES', 1024);
const GPU_SAMPLES = env('ZOO_GPU_SAMPLES', 256);
const BACKENDS = (process.env.ZOO_BACKENDS ?? 'cpu,wasm,webgpu').split(',');
const PRESETS = (process.env.ZOO_PRESETS?.split(',') ?? [...PRESET_IDS]) as PresetId[];

interface Row {
	model: string;
	engine: string;
	params: number | null;
	samples: number;
	samplesPerSec: number | null;
	error?: string;
}

const data = ttrcWindows(WINDOW, SAMPLES);

/** The preset with every recurrent block switched to the fused WGSL kernels (issue #5). */
function fusedVariant(spec: ModelSpec): ModelSpec {
	return {
		...spec,
		blocks: spec.blocks.map((b) => (b.type === 'rnn' ? { ...b, fused: true } : b))
	};
}

/** One LSTM layer → last h → Linear(1): the model the PyTorch anchor trains, as a zoo spec. */
function plainLstm(): ModelSpec {
	return {
		version: 1,
		name: 'plain LSTM',
		input: { window: WINDOW, features: data.features },
		blocks: [
			{ type: 'rnn', cell: 'lstm', units: WIDTH, returnSequences: false, bidirectional: false }
		],
		heads: [{ name: 'next_return', kind: 'regression', units: 1 }]
	};
}

function targetsFor(b: BuiltModel, from: number, n: number): (tf.Tensor | null)[] {
	return b.outputs.map((o) =>
		o.kind === 'reconstruction'
			? null
			: o.kind === 'classification'
				? tf.tensor1d(data.up.subarray(from, from + n))
				: tf.tensor2d(data.y.subarray(from, from + n), [n, 1])
	);
}

async function epoch(b: BuiltModel, optimizer: tf.Optimizer, samples: number): Promise<void> {
	const stride = WINDOW * data.features;
	for (let from = 0; from + BATCH <= samples; from += BATCH) {
		const x = tf.tensor3d(data.x.subarray(from * stride, (from + BATCH) * stride), [
			BATCH,
			WINDOW,
			data.features
		]);
		const targets = targetsFor(b, from, BATCH);
		const cost = optimizer.minimize(() => zooLoss(b, x, targets), true)!;
		// Read the loss back each step, as the training loop does every N steps: it also waits for
		// the GPU, so the epoch time is the real time of the work.
		await cost.data();
		tf.dispose([cost, x, ...targets.filter((t): t is tf.Tensor => t !== null)]);
	}
}

async function measure(
	name: string,
	spec: ModelSpec,
	engine: string,
	samples: number
): Promise<Row> {
	const built = buildModel(spec, { seed: 7 });
	if (!built.ok)
		return {
			model: name,
			engine,
			params: null,
			samples,
			samplesPerSec: null,
			error: built.message
		};
	const b = built.value;
	const optimizer = tf.train.adam(1e-3);
	try {
		await epoch(b, optimizer, samples); // warm-up: compiles kernels / pipelines
		const t0 = performance.now();
		await epoch(b, optimizer, samples);
		const ms = performance.now() - t0;
		return {
			model: name,
			engine,
			params: b.model.countParams(),
			samples,
			samplesPerSec: (Math.floor(samples / BATCH) * BATCH * 1000) / ms
		};
	} catch (e) {
		return {
			model: name,
			engine,
			params: b.model.countParams(),
			samples,
			samplesPerSec: null,
			error: (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 160)
		};
	} finally {
		optimizer.dispose();
		b.model.dispose();
	}
}

function torchRow(): Row | null {
	const out = torchLstmAnchor({
		cell: 'lstm',
		samples: SAMPLES,
		window: WINDOW,
		features: data.features,
		units: WIDTH,
		batch: BATCH,
		epochs: 2
	});
	return out
		? {
				model: 'lstm_plain (anchor: same layer sizes)',
				engine: `PyTorch ${out.torch} CPU (${out.threads} threads)`,
				params: null,
				samples: SAMPLES,
				samplesPerSec: out.samplesPerSec.at(-1) ?? null
			}
		: null;
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`Machine: ${machine}`);
console.log(
	`TTRC windows [${WINDOW} × ${data.features}], width ${WIDTH}, batch ${BATCH}, Adam 1e-3, zoo objective; ${SAMPLES} samples per epoch (${GPU_SAMPLES} on WebGPU)`
);
const rows: Row[] = [];
for (const backend of BACKENDS) {
	let engine = `tfjs ${backend}`;
	let samples = SAMPLES;
	if (backend === 'webgpu') {
		await installNodeWebGpu();
		const sel = await selectBackend('webgpu');
		if (sel.backend !== 'webgpu') {
			console.error(`WebGPU skipped: ${sel.notice}`);
			continue;
		}
		engine = `tfjs webgpu${sel.software ? ` (software: ${sel.adapter?.architecture || 'adapter'}, not a GPU)` : ' (GPU)'}`;
		samples = GPU_SAMPLES;
	} else {
		const sel = await selectBackend(backend as 'cpu' | 'wasm');
		if (sel.backend !== backend) {
			console.error(`${backend} skipped: ${sel.notice}`);
			continue;
		}
	}
	for (const id of [...PRESETS, 'lstm_plain'] as const) {
		const spec =
			id === 'lstm_plain'
				? plainLstm()
				: preset(id, { window: WINDOW, features: data.features, width: WIDTH });
		const row = await measure(id, spec, engine, samples);
		console.log(`${row.model} | ${row.engine} | ${row.samplesPerSec?.toFixed(0) ?? row.error}`);
		rows.push(row);
		if (backend === 'webgpu' && spec.blocks.some((b) => b.type === 'rnn')) {
			const fused = await measure(`${id} (fused: true)`, fusedVariant(spec), engine, samples);
			console.log(
				`${fused.model} | ${fused.engine} | ${fused.samplesPerSec?.toFixed(0) ?? fused.error}`
			);
			rows.push(fused);
		}
	}
}
const anchor = torchRow();
if (anchor) rows.push(anchor);

console.log('\n| model | engine | parameters | samples/s (timed epoch) |\n|---|---|---:|---:|');
for (const r of rows)
	console.log(
		`| ${r.model} | ${r.engine} | ${r.params ?? '–'} | ${r.samplesPerSec !== null ? r.samplesPerSec.toFixed(0) : `failed: ${r.error}`} |`
	);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
	'bench/results/training-zoo.json',
	JSON.stringify({ machine, window: WINDOW, width: WIDTH, batch: BATCH, rows }, null, 2)
);
