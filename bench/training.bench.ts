// Training-engine throughput (issue #4 part B): samples/s per epoch of the GRU/LSTM regressor trained
// by src/lib/ml/training (custom loop, Adam, MSE) on the bundled dataset, on the tfjs CPU and WASM
// (XNNPACK) backends and on WebGPU (Dawn in Node; on a machine without a GPU that is SwiftShader, labelled software), with
// PyTorch CPU (bench/torch_lstm_anchor.py, same window/units/batch/samples) as the native anchor.
// Run: `npm run bench training` (node --import tsx bench/training.bench.ts).
// Sizes: TRAIN_WINDOW (16), TRAIN_UNITS (32), TRAIN_BATCH (64), TRAIN_EPOCHS (2), TRAIN_SAMPLES (cap on
// training samples, default all ≈ 4,400), TRAIN_CELLS (gru,lstm), TRAIN_BACKENDS (cpu,wasm,webgpu).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { parseOhlcvCsv } from '../src/lib/core/data/parse-ohlcv-csv';
import { selectBackend } from '../src/lib/ml/backend';
import { buildSequenceModel } from '../src/lib/ml/gru-regressor';
import { installNodeWebGpu } from '../src/lib/ml/node-webgpu';
import { barsToTrainingData } from '../src/lib/ml/training/bars-to-training-data';
import { runTraining } from '../src/lib/ml/training';
import type { TrainingData } from '../src/lib/ml/training/training-data';
import { torchLstmAnchor } from './torch-anchor';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const WINDOW = env('TRAIN_WINDOW', 16);
const UNITS = env('TRAIN_UNITS', 32);
const BATCH = env('TRAIN_BATCH', 64);
const EPOCHS = env('TRAIN_EPOCHS', 2);
const CELLS = (process.env.TRAIN_CELLS ?? 'gru,lstm').split(',') as ('gru' | 'lstm')[];
const BACKENDS = (process.env.TRAIN_BACKENDS ?? 'cpu,wasm,webgpu').split(',');

interface Row {
	cell: string;
	engine: string;
	samplesPerSec: number[];
}

function loadData(): TrainingData {
	const csv = readFileSync('static/datasets/ttrc_daily_ohlcv.csv', 'utf8');
	const parsed = parseOhlcvCsv(csv, { symbol: 'ttrc' });
	if (!parsed.ok) throw new Error(parsed.message);
	const r = barsToTrainingData(parsed.value.series, {
		window: WINDOW,
		validationShare: 0.2,
		task: 'regression'
	});
	if (!r.ok) throw new Error(r.message);
	const d = r.value.data;
	const cap = env('TRAIN_SAMPLES', d.trainSamples);
	const train = Math.min(cap, d.trainSamples);
	const stride = WINDOW * d.inputShape[1];
	// Validation is not timed: keep a token 8 samples so the loop's epoch-end path runs as usual.
	const keep = train + 8;
	return {
		...d,
		x: d.x.slice(0, keep * stride),
		y: d.y.slice(0, keep),
		samples: keep,
		trainSamples: train
	};
}

async function tfjsRow(cell: 'gru' | 'lstm', data: TrainingData, label: string): Promise<Row> {
	const model = buildSequenceModel({
		model_type: cell,
		window: WINDOW,
		nFeatures: data.inputShape[1],
		units: UNITS,
		seed: 1
	});
	const ends: number[] = [0];
	const r = await runTraining({
		model,
		data,
		config: {
			epochs: EPOCHS,
			batchSize: BATCH,
			learningRate: 1e-3,
			seed: 1,
			optimizer: { type: 'adam' },
			readLossEvery: 50
		},
		onProgress: (p) => {
			if (p.valLoss !== null) ends.push(p.elapsedMs);
		}
	});
	model.dispose();
	if (!r.ok) throw new Error(r.message);
	const rates = ends.slice(1).map((t, i) => (data.trainSamples * 1000) / (t - ends[i]));
	return { cell, engine: label, samplesPerSec: rates };
}

function torchRow(cell: 'gru' | 'lstm', data: TrainingData): Row | null {
	const out = torchLstmAnchor({
		cell,
		samples: data.trainSamples,
		window: WINDOW,
		features: data.inputShape[1],
		units: UNITS,
		batch: BATCH,
		epochs: EPOCHS
	});
	return out
		? {
				cell,
				engine: `PyTorch ${out.torch} CPU (${out.threads} threads)`,
				samplesPerSec: out.samplesPerSec
			}
		: null;
}

const data = loadData();
console.log(
	`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
);
console.log(
	`${data.trainSamples} training samples of [${WINDOW} × ${data.inputShape[1]}], units ${UNITS}, batch ${BATCH}, ${EPOCHS} epochs, Adam, MSE`
);
const rows: Row[] = [];
for (const backend of BACKENDS) {
	let label = backend;
	if (backend === 'webgpu') {
		try {
			await installNodeWebGpu();
		} catch (e) {
			console.error(`WebGPU skipped: ${e instanceof Error ? e.message : String(e)}`);
			continue;
		}
		const sel = await selectBackend('webgpu');
		if (sel.backend !== 'webgpu') {
			console.error(`WebGPU skipped: ${sel.notice}`);
			continue;
		}
		label = `tfjs webgpu${sel.software ? ' (software adapter, not a GPU)' : ' (GPU)'}`;
	} else if (backend === 'wasm') {
		const sel = await selectBackend('wasm');
		if (sel.backend !== 'wasm') {
			console.error(`WASM skipped: ${sel.notice}`);
			continue;
		}
		label = 'tfjs wasm';
	} else {
		await tf.setBackend(backend);
		label = `tfjs ${backend}`;
	}
	for (const cell of CELLS) rows.push(await tfjsRow(cell, data, label));
}
for (const cell of CELLS) {
	const row = torchRow(cell, data);
	if (row) rows.push(row);
}

console.log('\n| cell | engine | samples/s per epoch |\n|---|---|---|');
for (const r of rows)
	console.log(
		`| ${r.cell} | ${r.engine} | ${r.samplesPerSec.map((v) => v.toFixed(0)).join(', ')} |`
	);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
	'bench/results/training.json',
	JSON.stringify(
		{
			window: WINDOW,
			units: UNITS,
			batch: BATCH,
			epochs: EPOCHS,
			samples: data.trainSamples,
			rows
		},
		null,
		2
	)
);
