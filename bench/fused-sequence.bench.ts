// Fused sequence kernels benchmark (issue #5): retention and the minGRU linear scan, one forward +
// backward pass (gradients of Σ w ⊙ out with respect to every input), fused vs the unfused tfjs
// implementation of the same math, on WebGPU (Dawn in Node: SwiftShader on a machine without a
// GPU, labelled software) and on the tfjs CPU backend, in the same run.
// - retention: fusedRetention (chunkwise WGSL kernels, 2 dispatches forward + 6 backward) vs
//   retentionTfjsOps, the parallel form (QKᵀ ⊙ D)V in stock tfjs ops under tfjs autodiff. Off
//   WebGPU fusedRetention *is* retentionTfjsOps, so the CPU backend has one row.
// - minGRU scan: fusedLinearScan (one parallel-scan dispatch forward, one reversed backward; the
//   f64 twin on CPU) vs the sequential tfjs loop h_t = a_t ⊙ h_{t−1} + b_t over T slices.
// Reports the median pass time, tokens/s (B·T per pass) and GPU dispatches per pass.
// Run: `npm run bench fused-sequence` (node --import tsx bench/fused-sequence.bench.ts).
// Sizes: SEQ_B, SEQ_T (default 8, 256), SEQ_HEADS, SEQ_DK (retention, default 4, 32; dv = dk),
// SEQ_C (scan channels, default 64), SEQ_ITERS (timed passes, default 5).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/lib/ml/backend';
import { fusedLinearScan } from '../src/lib/ml/fused/fused-linear-scan-op';
import { fusedRetention, retentionDecays } from '../src/lib/ml/fused/fused-retention-op';
import { measureTrainingStep } from '../src/lib/ml/fused/measure-training-step';
import { retentionTfjsOps } from '../src/lib/ml/fused/retention-ops';
import { lcg } from '../src/lib/ml/fused/testing-fixtures';
import { installNodeWebGpu } from '../src/lib/ml/node-webgpu';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const B = env('SEQ_B', 8);
const T = env('SEQ_T', 256);
const HEADS = env('SEQ_HEADS', 4);
const DK = env('SEQ_DK', 32);
const C = env('SEQ_C', 64);
const ITERS = env('SEQ_ITERS', 5);

interface Row {
	op: 'retention' | 'minGRU scan';
	impl: string;
	backend: string;
	medianMs: number;
	tokensPerS: number;
	dispatches: number | null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const randomTensor = (shape: number[], seed: number, lo = -1, hi = 1) => {
	const r = lcg(seed);
	const n = shape.reduce((a, b) => a * b, 1);
	return tf.tensor(
		Float32Array.from({ length: n }, () => lo + (hi - lo) * (r() + 0.5)),
		shape
	);
};

/** Median time of one forward + backward pass of `f` over `inputs`, first pass excluded. */
async function timePass(
	f: (...xs: tf.Tensor[]) => tf.Tensor,
	inputs: tf.Tensor[],
	weight: tf.Tensor
): Promise<{ ms: number; dispatches: number }> {
	const ms: number[] = [];
	let dispatches = 0;
	for (let i = 0; i <= ITERS; i++) {
		const m = await measureTrainingStep(() => {
			const grads = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(f(...xs), weight)))(inputs);
			tf.dispose(grads);
		});
		if (i > 0) ms.push(m.ms); // the first pass compiles pipelines
		dispatches = m.dispatches;
	}
	return { ms: median(ms), dispatches };
}

/** The unfused scan: T slices, T multiply-adds, one stack; tfjs autodiff through all of it. */
function sequentialScan(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
	const as = tf.unstack(a, 1);
	const bs = tf.unstack(b, 1);
	const hs: tf.Tensor[] = [];
	let h: tf.Tensor = bs[0];
	hs.push(h);
	for (let t = 1; t < as.length; t++) {
		h = tf.add(tf.mul(as[t], h), bs[t]);
		hs.push(h);
	}
	return tf.stack(hs, 1);
}

async function benchBackend(label: string, onGpu: boolean): Promise<Row[]> {
	const rows: Row[] = [];
	const tokens = B * T;
	const push = (op: Row['op'], impl: string, r: { ms: number; dispatches: number }) =>
		rows.push({
			op,
			impl,
			backend: label,
			medianMs: r.ms,
			tokensPerS: tokens / (r.ms / 1000),
			dispatches: onGpu ? r.dispatches : null
		});

	const gamma = retentionDecays(HEADS);
	const qkv = [
		randomTensor([B, HEADS, T, DK], 1),
		randomTensor([B, HEADS, T, DK], 2),
		randomTensor([B, HEADS, T, DK], 3)
	];
	const wRet = randomTensor([B, HEADS, T, DK], 4);
	const ret =
		(impl: typeof fusedRetention) =>
		(...xs: tf.Tensor[]) =>
			impl(xs[0] as tf.Tensor4D, xs[1] as tf.Tensor4D, xs[2] as tf.Tensor4D, gamma);
	if (onGpu)
		push('retention', 'fused (chunkwise WGSL)', await timePass(ret(fusedRetention), qkv, wRet));
	push('retention', 'tfjs ops ((QKᵀ⊙D)V)', await timePass(ret(retentionTfjsOps), qkv, wRet));
	tf.dispose([...qkv, wRet]);

	// minGRU-like coefficients: a = 1 − z ∈ (0, 1), b = z ⊙ h̃.
	const ab = [randomTensor([B, T, C], 5, 0.05, 0.95), randomTensor([B, T, C], 6)];
	const wScan = randomTensor([B, T, C], 7);
	const scan = (...xs: tf.Tensor[]) => fusedLinearScan(xs[0] as tf.Tensor3D, xs[1] as tf.Tensor3D);
	push(
		'minGRU scan',
		onGpu ? 'fused (parallel scan WGSL)' : 'fused (f64 twin)',
		await timePass(scan, ab, wScan)
	);
	push('minGRU scan', 'tfjs ops (sequential loop)', await timePass(sequentialScan, ab, wScan));
	tf.dispose([...ab, wScan]);
	return rows;
}

const rows: Row[] = [];
await installNodeWebGpu();
const gpuSel = await selectBackend('webgpu');
if (gpuSel.backend === 'webgpu') {
	const label = `webgpu (${gpuSel.software ? 'software: ' : ''}${gpuSel.adapter?.architecture || gpuSel.adapter?.description || 'adapter'})`;
	rows.push(...(await benchBackend(label, true)));
}
await tf.setBackend('cpu');
rows.push(...(await benchBackend('tfjs cpu', false)));

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const size = `B=${B} T=${T} heads=${HEADS} dk=dv=${DK} C=${C}`;
console.log(`Machine: ${machine}; ${size}; timed passes: ${ITERS} (median; first excluded)`);
console.log('| op | implementation | backend | fwd+bwd ms (median) | tokens/s | dispatches/pass |');
console.log('|---|---|---|---:|---:|---:|');
for (const r of rows)
	console.log(
		`| ${r.op} | ${r.impl} | ${r.backend} | ${r.medianMs.toFixed(1)} | ${Math.round(r.tokensPerS)} | ${r.dispatches ?? '–'} |`
	);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
	'bench/results/fused-sequence.json',
	JSON.stringify({ machine, size: { B, T, HEADS, DK, C }, iters: ITERS, rows }, null, 2)
);
