// Fused LSTM/GRU benchmark (issue #5): one training step (RNN → last h → dense(1), MSE, Adam via
// trainOnBatch) of the fused layers vs tfjs-layers, on WebGPU (Dawn in Node: SwiftShader on a machine
// without a GPU, labelled software) and on the tfjs CPU backend, with tfjs-layers on the WASM backend
// (XNNPACK) and PyTorch CPU as peers.
// Reports the median step time and the GPU dispatches per step (measureTrainingStep).
// Run: `npm run bench fused-rnn` (node --import tsx bench/fused-rnn.bench.ts).
// Sizes: RNN_B, RNN_T, RNN_H, RNN_D (default 64, 64, 64, 8), RNN_ITERS (timed steps, default 5),
// RNN_LARGE=1 adds B=128, T=128, H=128; RNN_SKIP_SLOW=1 skips tfjs-layers on WebGPU (minutes/step on
// SwiftShader at the default size).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/lib/ml/backend';
import { recurrentLayer } from '../src/lib/ml/fused/fused-rnn-layer';
import { measureTrainingStep } from '../src/lib/ml/fused/measure-training-step';
import { lcg } from '../src/lib/ml/fused/testing-fixtures';
import { installNodeWebGpu } from '../src/lib/ml/node-webgpu';

interface Size {
	batch: number;
	steps: number;
	units: number;
	inputSize: number;
}
const env = (k: string, d: number) => Number(process.env[k] ?? d);
const ITERS = env('RNN_ITERS', 5);
const SIZES: Size[] = [
	{
		batch: env('RNN_B', 64),
		steps: env('RNN_T', 64),
		units: env('RNN_H', 64),
		inputSize: env('RNN_D', 8)
	}
];
if (process.env.RNN_LARGE) SIZES.push({ batch: 128, steps: 128, units: 128, inputSize: 8 });

interface Row {
	size: Size;
	cell: 'lstm' | 'gru';
	impl: string;
	backend: string;
	medianMs: number;
	dispatches: number | null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const randomTensor = (shape: number[], seed: number) => {
	const r = lcg(seed);
	return tf.tensor(
		Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * r()),
		shape
	);
};

async function timeTfjs(
	size: Size,
	cell: 'lstm' | 'gru',
	fused: boolean
): Promise<{ ms: number; dispatches: number }> {
	const model = tf.sequential({
		layers: [
			recurrentLayer(
				cell,
				{
					units: size.units,
					recurrentActivation: 'sigmoid',
					inputShape: [size.steps, size.inputSize]
				},
				{ fused }
			),
			tf.layers.dense({ units: 1 })
		]
	});
	model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
	const x = randomTensor([size.batch, size.steps, size.inputSize], 1);
	const y = randomTensor([size.batch, 1], 2);
	const ms: number[] = [];
	let dispatches = 0;
	for (let i = 0; i <= ITERS; i++) {
		const m = await measureTrainingStep(() => model.trainOnBatch(x, y));
		if (i > 0) ms.push(m.ms); // the first step compiles pipelines
		dispatches = m.dispatches;
	}
	tf.dispose([x, y]);
	model.dispose();
	return { ms: median(ms), dispatches };
}

function torchAnchor(size: Size): Record<'lstm' | 'gru', number> | null {
	const r = spawnSync(
		'/usr/bin/python3',
		['bench/torch_rnn_anchor.py', JSON.stringify({ ...size, iters: ITERS })],
		{
			encoding: 'utf8'
		}
	);
	if (r.status !== 0) {
		console.warn(`PyTorch anchor unavailable: ${r.stderr?.slice(0, 300) || r.error?.message}`);
		return null;
	}
	const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
	return { lstm: median(out.lstm.ms), gru: median(out.gru.ms) };
}

const rows: Row[] = [];
const wasmSel = await selectBackend('wasm');
if (wasmSel.backend !== 'wasm') console.warn(`WASM peer skipped: ${wasmSel.notice}`);
await installNodeWebGpu();
const gpuSel = await selectBackend('webgpu');
const gpuLabel =
	gpuSel.backend === 'webgpu'
		? `webgpu (${gpuSel.software ? 'software: ' : ''}${gpuSel.adapter?.architecture || gpuSel.adapter?.description || 'adapter'})`
		: 'none';
for (const size of SIZES) {
	for (const cell of ['lstm', 'gru'] as const) {
		if (gpuSel.backend === 'webgpu') {
			await tf.setBackend('webgpu');
			const f = await timeTfjs(size, cell, true);
			rows.push({
				size,
				cell,
				impl: 'fused',
				backend: gpuLabel,
				medianMs: f.ms,
				dispatches: f.dispatches
			});
			if (!process.env.RNN_SKIP_SLOW) {
				const l = await timeTfjs(size, cell, false);
				rows.push({
					size,
					cell,
					impl: 'tfjs-layers',
					backend: gpuLabel,
					medianMs: l.ms,
					dispatches: l.dispatches
				});
			}
		}
		await tf.setBackend('cpu');
		const c = await timeTfjs(size, cell, false);
		rows.push({
			size,
			cell,
			impl: 'tfjs-layers',
			backend: 'tfjs cpu',
			medianMs: c.ms,
			dispatches: null
		});
		const fc = await timeTfjs(size, cell, true);
		rows.push({
			size,
			cell,
			impl: 'fused (f64 twin)',
			backend: 'tfjs cpu',
			medianMs: fc.ms,
			dispatches: null
		});
		if (wasmSel.backend === 'wasm') {
			await tf.setBackend('wasm');
			const w = await timeTfjs(size, cell, false);
			rows.push({
				size,
				cell,
				impl: 'tfjs-layers',
				backend: 'tfjs wasm',
				medianMs: w.ms,
				dispatches: null
			});
		}
	}
	const torch = torchAnchor(size);
	if (torch)
		for (const cell of ['lstm', 'gru'] as const)
			rows.push({
				size,
				cell,
				impl: 'PyTorch 1.13',
				backend: 'cpu',
				medianMs: torch[cell],
				dispatches: null
			});
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`Machine: ${machine}; timed steps: ${ITERS} (median; first step excluded)`);
console.log('| B×T×H (D) | cell | implementation | backend | step ms (median) | dispatches/step |');
console.log('|---|---|---|---|---:|---:|');
for (const r of rows)
	console.log(
		`| ${r.size.batch}×${r.size.steps}×${r.size.units} (${r.size.inputSize}) | ${r.cell} | ${r.impl} | ${r.backend} | ${r.medianMs.toFixed(1)} | ${r.dispatches ?? '–'} |`
	);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
	'bench/results/fused-rnn.json',
	JSON.stringify({ machine, iters: ITERS, rows }, null, 2)
);
