/**
 * The training loop: Adam on mean squared error, one batch at a time, so that cancellation is checked
 * between batches and progress can be reported without stalling the GPU on every step.
 */
import * as tf from '@tensorflow/tfjs';
import { CounterRng } from '$lib/core/random/philox';
import { err, ok, type Err, type Result } from '$lib/core/result';

export interface TrainProgress {
	/** 1-based. */
	epoch: number;
	epochs: number;
	/** 1-based; equals `batches` on the end-of-epoch report. */
	batch: number;
	batches: number;
	/** Mean training loss of this epoch so far. */
	loss: number;
	/** Validation loss, on the end-of-epoch report only (null otherwise or without validation). */
	valLoss: number | null;
	samplesPerSec: number;
	elapsedMs: number;
}

export interface EpochRecord {
	/** 1-based. */
	epoch: number;
	/** Mean of the batch losses over the epoch, weighted by batch size (as Keras reports it). */
	loss: number;
	/** MSE over all validation samples with the end-of-epoch weights; null without validation. */
	valLoss: number | null;
}

export interface TrainOutcome {
	history: EpochRecord[];
	/** The tfjs backend that ran the training. */
	backend: string;
	stopped: 'completed' | 'cancelled';
}

export interface TrainOptions {
	model: tf.LayersModel;
	/** `samples × window × nFeatures`, sample-major, time next, feature fastest. */
	x: Float32Array;
	/** One target per sample. */
	y: Float32Array;
	samples: number;
	window: number;
	nFeatures: number;
	/** The first `trainSamples` samples train; the rest validate (a chronological split, no leakage). */
	trainSamples: number;
	epochs: number;
	batchSize: number;
	learningRate: number;
	/** Seeds the per-epoch shuffle of training samples. */
	seed: number;
	/** Shuffle training samples each epoch (default true); false keeps chronological order. */
	shuffle?: boolean;
	signal?: AbortSignal;
	onProgress?: (p: TrainProgress) => void;
	/**
	 * Awaited after each epoch's record is final, before the next epoch starts: the place to persist
	 * the loss row or a checkpoint. If it throws, training stops with `err('internal')`.
	 */
	onEpochEnd?: (record: EpochRecord) => void | Promise<void>;
	/**
	 * Read the running loss back (and report progress) every this many batches; default 10. Each read
	 * waits for the device to finish queued work, so reading every batch slows WebGPU down.
	 */
	readLossEvery?: number;
}

/** Philox stream id of the shuffle, distinct from the model initialisers' streams. */
const SHUFFLE_STREAM = 101;

/**
 * Trains `model` in place. Returns the per-epoch history, or `err('cancelled', …, partial)` when
 * `signal` aborts (its `details` is a `TrainOutcome` with the epochs that finished). Every tensor it
 * creates, optimiser state included, is disposed before it returns.
 *
 * Same seeds, data and backend give the same losses on the CPU backend, bit for bit.
 *
 * @example
 * const r = await trainModel({ model, x, y, samples, window: 32, nFeatures: 4, trainSamples: 800,
 *   epochs: 20, batchSize: 32, learningRate: 1e-3, seed: 7, signal, onProgress: (p) => post(p) });
 * if (r.ok) console.log(r.value.history.at(-1));
 * else if (r.code === 'cancelled') console.log('stopped early');
 */
export async function trainModel(opts: TrainOptions): Promise<Result<TrainOutcome>> {
	const invalid = validate(opts);
	if (invalid) return err('bad_input', invalid);

	const { model, x, y, window, nFeatures, trainSamples, epochs, batchSize, signal, onProgress } =
		opts;
	const readEvery = opts.readLossEvery ?? 10;
	const batches = Math.ceil(trainSamples / batchSize);
	const backend = tf.getBackend();
	const history: EpochRecord[] = [];
	const cancelled = (where: string) =>
		err('cancelled', `Training was cancelled ${where}.`, {
			history,
			backend,
			stopped: 'cancelled'
		} satisfies TrainOutcome);

	// LayersModel variables are tf.Variables at runtime; read() is typed as Tensor.
	const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
	const optimizer = tf.train.adam(opts.learningRate);
	const rng = new CounterRng(opts.seed, SHUFFLE_STREAM);
	const order = Int32Array.from({ length: trainSamples }, (_, i) => i);
	const pause = macrotaskYielder();
	const start = performance.now();
	let seen = 0;

	const progress = (
		epoch: number,
		batch: number,
		loss: number,
		valLoss: number | null
	): TrainProgress => {
		const elapsedMs = performance.now() - start;
		const samplesPerSec = elapsedMs > 0 ? (seen * 1000) / elapsedMs : 0;
		return { epoch, epochs, batch, batches, loss, valLoss, samplesPerSec, elapsedMs };
	};

	/** One pass over the training samples; the epoch's mean loss, or an Err to return. */
	const trainEpoch = async (epoch: number): Promise<number | Err> => {
		if (opts.shuffle ?? true) shuffleInPlace(order, rng);
		// Batch losses (× batch size) are summed on the device and read back only every readEvery batches.
		let sum: tf.Tensor = tf.scalar(0);
		let epochSeen = 0;
		let loss = NaN;
		try {
			for (let b = 0; b < batches; b++) {
				// Abort arrives as a message (see bridge/abort-port.ts): yield so it can be delivered.
				await pause();
				if (signal?.aborted) return cancelled(`in epoch ${epoch}, before batch ${b + 1}`);

				const rows = order.subarray(b * batchSize, Math.min((b + 1) * batchSize, trainSamples));
				const [xb, yb] = gatherBatch(x, y, rows, window, nFeatures);
				try {
					const cost = optimizer.minimize(
						() => tf.losses.meanSquaredError(yb, model.apply(xb, { training: true }) as tf.Tensor),
						true,
						vars
					)!;
					const prev = sum;
					sum = tf.tidy(() => prev.add(cost.mul(rows.length)));
					tf.dispose([prev, cost]);
				} finally {
					tf.dispose([xb, yb]);
				}
				epochSeen += rows.length;
				seen += rows.length;

				const last = b === batches - 1;
				if (last || (b + 1) % readEvery === 0) {
					loss = (await sum.data())[0] / epochSeen;
					if (!Number.isFinite(loss)) {
						return err(
							'bad_input',
							`Training diverged (loss ${loss}) in epoch ${epoch}: lower the learning rate or normalise the inputs.`,
							{ history, backend }
						);
					}
					if (!last) onProgress?.(progress(epoch, b + 1, loss, null));
				}
			}
			return loss;
		} finally {
			sum.dispose();
		}
	};

	try {
		for (let epoch = 1; epoch <= epochs; epoch++) {
			const loss = await trainEpoch(epoch);
			if (typeof loss !== 'number') return loss;
			const valLoss =
				trainSamples < opts.samples ? await meanSquaredError(opts, trainSamples, signal) : null;
			if (valLoss === 'cancelled') return cancelled(`during validation of epoch ${epoch}`);
			const record = { epoch, loss, valLoss };
			history.push(record);
			onProgress?.(progress(epoch, batches, loss, valLoss));
			await opts.onEpochEnd?.(record);
		}
		return ok({ history, backend, stopped: 'completed' });
	} catch (e) {
		return err('internal', `Training failed: ${e instanceof Error ? e.message : String(e)}`, {
			history,
			backend
		});
	} finally {
		optimizer.dispose();
		pause.close();
	}
}

/**
 * Model outputs for every sample, computed in batches so large inputs never sit on the device at once.
 *
 * @example
 * const yHat = await predict(model, x, samples, 32, 4); // Float32Array(samples)
 */
export async function predict(
	model: tf.LayersModel,
	x: Float32Array,
	samples: number,
	window: number,
	nFeatures: number,
	batchSize = 256
): Promise<Float32Array> {
	if (x.length !== samples * window * nFeatures) {
		throw new RangeError(`x has ${x.length} values, expected ${samples}×${window}×${nFeatures}`);
	}
	const out = new Float32Array(samples);
	const stride = window * nFeatures;
	for (let s = 0; s < samples; s += batchSize) {
		const n = Math.min(batchSize, samples - s);
		const yb = tf.tidy(() => {
			const xb = tf.tensor3d(x.slice(s * stride, (s + n) * stride), [n, window, nFeatures]);
			return (model.predict(xb) as tf.Tensor).reshape([n]);
		});
		out.set(await yb.data(), s);
		yb.dispose();
	}
	return out;
}

/** MSE over samples [from, samples), accumulated on the device and read back once. */
async function meanSquaredError(
	opts: TrainOptions,
	from: number,
	signal: AbortSignal | undefined
): Promise<number | 'cancelled'> {
	const { model, x, y, samples, window, nFeatures } = opts;
	const stride = window * nFeatures;
	const step = Math.max(opts.batchSize, 256);
	let sum = tf.scalar(0);
	try {
		for (let s = from; s < samples; s += step) {
			if (signal?.aborted) return 'cancelled';
			const n = Math.min(step, samples - s);
			const prev = sum;
			sum = tf.tidy(() => {
				const xb = tf.tensor3d(x.slice(s * stride, (s + n) * stride), [n, window, nFeatures]);
				const yb = tf.tensor2d(y.slice(s, s + n), [n, 1]);
				const pred = model.predict(xb) as tf.Tensor;
				return prev.add(tf.sum(tf.squaredDifference(pred, yb)));
			});
			prev.dispose();
		}
		return (await sum.data())[0] / (samples - from);
	} finally {
		sum.dispose();
	}
}

/** Copies the chosen rows into fresh arrays: tfjs may keep a reference to the array it is given. */
function gatherBatch(
	x: Float32Array,
	y: Float32Array,
	rows: Int32Array,
	window: number,
	nFeatures: number
): [tf.Tensor3D, tf.Tensor2D] {
	const stride = window * nFeatures;
	const xb = new Float32Array(rows.length * stride);
	const yb = new Float32Array(rows.length);
	rows.forEach((r, i) => {
		xb.set(x.subarray(r * stride, (r + 1) * stride), i * stride);
		yb[i] = y[r];
	});
	return [tf.tensor3d(xb, [rows.length, window, nFeatures]), tf.tensor2d(yb, [rows.length, 1])];
}

/** Fisher–Yates (Knuth, TAOCP vol. 2, Algorithm P) driven by the seeded Philox stream. */
function shuffleInPlace(a: Int32Array, rng: CounterRng): void {
	for (let i = a.length - 1; i > 0; i--) {
		const j = rng.int(i + 1);
		const t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}

/**
 * Resolves on the next macrotask. A resolved promise would not do: microtasks run before any message,
 * so an abort posted to this worker would wait for the whole run.
 * - Node: setImmediate. A MessageChannel would starve timers there (Node drains up to 1000 port
 *   messages before returning to the event loop; measured: a timer-driven abort waited ~5 s).
 * - Browsers/workers: a MessageChannel round trip, because setTimeout(0) is clamped to 4 ms once nested
 *   (HTML spec), which adds up over thousands of batches.
 */
function macrotaskYielder(): (() => Promise<void>) & { close(): void } {
	if (typeof setImmediate === 'function') {
		return Object.assign(() => new Promise<void>((r) => setImmediate(r)), { close() {} });
	}
	if (typeof MessageChannel === 'undefined') {
		return Object.assign(() => new Promise<void>((r) => setTimeout(r, 0)), { close() {} });
	}
	const channel = new MessageChannel();
	const waiting: (() => void)[] = [];
	channel.port1.onmessage = () => waiting.shift()?.();
	return Object.assign(
		() =>
			new Promise<void>((resolve) => {
				waiting.push(resolve);
				channel.port2.postMessage(null);
			}),
		{
			close() {
				channel.port1.close();
				channel.port2.close();
			}
		}
	);
}

function validate(o: TrainOptions): string | null {
	const positiveInt = { samples: o.samples, window: o.window, nFeatures: o.nFeatures };
	for (const [k, v] of Object.entries({
		...positiveInt,
		epochs: o.epochs,
		batchSize: o.batchSize
	})) {
		if (!Number.isInteger(v) || v < 1) return `${k} must be a positive integer, got ${v}.`;
	}
	if (!Number.isInteger(o.trainSamples) || o.trainSamples < 1 || o.trainSamples > o.samples) {
		return `trainSamples must be an integer in [1, ${o.samples}], got ${o.trainSamples}.`;
	}
	if (!(o.learningRate > 0 && Number.isFinite(o.learningRate))) {
		return `learningRate must be a positive number, got ${o.learningRate}.`;
	}
	if (
		o.readLossEvery !== undefined &&
		(!Number.isInteger(o.readLossEvery) || o.readLossEvery < 1)
	) {
		return `readLossEvery must be a positive integer, got ${o.readLossEvery}.`;
	}
	if (o.x.length !== o.samples * o.window * o.nFeatures) {
		return `x has ${o.x.length} values; ${o.samples} samples × ${o.window} steps × ${o.nFeatures} features need ${o.samples * o.window * o.nFeatures}.`;
	}
	if (o.y.length !== o.samples)
		return `y has ${o.y.length} values; expected one per sample (${o.samples}).`;
	const shape = o.model.inputs[0]?.shape;
	if (o.model.inputs.length !== 1 || shape?.[1] !== o.window || shape?.[2] !== o.nFeatures) {
		return `The model expects input [${shape?.slice(1).join(', ')}], the data is [${o.window}, ${o.nFeatures}]; rebuild the model for this window and feature count.`;
	}
	return null;
}
