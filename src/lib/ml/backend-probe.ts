/**
 * Picks the tfjs backend for one model by measuring it: a few training steps of that model on each
 * available backend (WebGPU, WASM, CPU), the fastest wins. Honest by construction: a WebGPU adapter
 * that is software (SwiftShader, llvmpipe, WARP) is measured and may win, but is labelled software,
 * never "GPU"; a backend that cannot start (no adapter, WASM binary failed to load) says so instead of
 * silently vanishing.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend, type AdapterDescription } from './backend';
import { registerWasmBackend } from './wasm-backend';

export type ProbedBackend = 'webgpu' | 'wasm' | 'cpu';

export interface BackendMeasurement {
	backend: ProbedBackend;
	status: 'measured' | 'unavailable' | 'failed';
	/** Mean wall time of one training step (forward, backward, update), after one warm-up step. */
	msPerStep: number | null;
	/** True for the CPU backends and for software WebGPU adapters. */
	software: boolean;
	adapter?: AdapterDescription;
	note?: string;
}

export interface BackendProbe {
	/** The backend now active (`tf.getBackend()`), the fastest measured one. */
	chosen: ProbedBackend;
	software: boolean;
	measurements: BackendMeasurement[];
	/** One line for the user, e.g. "webgpu 140.2 ms/step (software adapter, not a GPU) · wasm 2.3 ms/step (chosen) · cpu 3.1 ms/step". */
	summary: string;
}

export interface ProbeOptions {
	/** Input shape of one sample, e.g. `[window, features]`. */
	sampleShape: readonly number[];
	batchSize?: number;
	/** Timed steps per backend (default 3; each reads the loss back once at the end). */
	steps?: number;
	candidates?: readonly ProbedBackend[];
}

/**
 * Measures `makeModel()` on each candidate and leaves the fastest backend active. `makeModel` is
 * called once per backend (weights are created on the backend that runs them) and disposed after.
 *
 * @example
 * const probe = await probeBackends(() => buildSequenceModel(spec), { sampleShape: [32, 4] });
 * run.backend = probe.chosen; show(probe.summary);
 */
export async function probeBackends(
	makeModel: () => tf.LayersModel,
	opts: ProbeOptions
): Promise<BackendProbe> {
	const candidates = opts.candidates ?? ['webgpu', 'wasm', 'cpu'];
	const measurements: BackendMeasurement[] = [];
	for (const backend of candidates) measurements.push(await measure(backend, makeModel, opts));
	const measured = measurements.filter((m) => m.status === 'measured');
	const best = measured.reduce<BackendMeasurement | null>(
		(a, m) => (a === null || (m.msPerStep ?? Infinity) < (a.msPerStep ?? Infinity) ? m : a),
		null
	);
	const chosen = best?.backend ?? 'cpu';
	await tf.setBackend(chosen);
	return {
		chosen,
		software: best?.software ?? true,
		measurements,
		summary: measurements.map((m) => describeMeasurement(m, m.backend === chosen)).join(' · ')
	};
}

function describeMeasurement(m: BackendMeasurement, chosen: boolean): string {
	if (m.status !== 'measured') return `${m.backend} ${m.status}${m.note ? ` (${m.note})` : ''}`;
	const kind =
		m.backend === 'webgpu' ? (m.software ? ' (software adapter, not a GPU)' : ' (GPU)') : '';
	return `${m.backend} ${m.msPerStep!.toFixed(1)} ms/step${kind}${chosen ? ' (chosen)' : ''}`;
}

async function measure(
	backend: ProbedBackend,
	makeModel: () => tf.LayersModel,
	opts: ProbeOptions
): Promise<BackendMeasurement> {
	const base = { backend, msPerStep: null, software: backend !== 'webgpu' };
	let adapter: AdapterDescription | undefined;
	let software = backend !== 'webgpu';
	if (backend === 'wasm') {
		const registered = await registerWasmBackend();
		if (!registered.ok) return { ...base, status: 'unavailable', note: registered.message };
	}
	if (backend === 'webgpu') {
		const sel = await selectBackend('webgpu');
		if (sel.backend !== 'webgpu') return { ...base, status: 'unavailable', note: sel.notice };
		adapter = sel.adapter;
		software = sel.software;
	} else if (!(await tf.setBackend(backend))) {
		return { ...base, status: 'failed', note: `tf.setBackend('${backend}') failed` };
	}
	const model = makeModel();
	const batch = opts.batchSize ?? 32;
	const steps = opts.steps ?? 3;
	const optimizer = tf.train.sgd(1e-6);
	const x = tf.randomNormal([batch, ...opts.sampleShape], 0, 1, 'float32', 1);
	const step = () =>
		optimizer.minimize(() => {
			const out = model.apply(x, { training: true }) as tf.Tensor | tf.Tensor[];
			const y = Array.isArray(out) ? out[0] : out;
			return tf.mean(tf.square(y)) as tf.Scalar;
		}, true)!;
	try {
		// Warm-up: shader compilation and first allocations are not the steady state.
		const warm = step();
		await warm.data();
		warm.dispose();
		const start = performance.now();
		let last: tf.Scalar | null = null;
		for (let i = 0; i < steps; i++) {
			last?.dispose();
			last = step();
		}
		await last!.data();
		last!.dispose();
		const msPerStep = (performance.now() - start) / steps;
		return { backend, status: 'measured', msPerStep, software, ...(adapter ? { adapter } : {}) };
	} catch (e) {
		return { ...base, status: 'failed', note: e instanceof Error ? e.message : String(e) };
	} finally {
		tf.dispose(x);
		optimizer.dispose();
		model.dispose();
	}
}
