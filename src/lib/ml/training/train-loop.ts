/**
 * The training engine: a custom loop (not `model.fit`) so that gradients can be clipped, AdamW's
 * decay applied, and a run saved and resumed to the same bits. Per step: batch from the seeded epoch
 * order → loss and gradients (`tf.variableGrads`) → optional global-norm clipping → optimiser step
 * at the scheduled learning rate. The loss stays on the device and is read back every
 * `readLossEvery` steps only (each read waits for the GPU queue).
 */
import * as tf from '@tensorflow/tfjs';
import { TrainLoopConfig, type TrainLoopConfigInput } from '$lib/core/protocol/training';
import { err, ok, type Err, type Result } from '$lib/core/result';
import { clipByGlobalNorm } from './clip-by-global-norm';
import { initialEarlyStopping, observeValidationLoss } from './early-stopping';
import { epochOrder } from './epoch-order';
import { evaluateValidation } from './evaluate-validation';
import { learningRateAt } from './learning-rate-at';
import { nextMacrotask } from './next-macrotask';
import { SlotOptimizer } from './optimizer';
import type { PauseGate } from './pause-gate';
import { checkTrainingData, firstOutput, gatherRows, type TrainingData } from './training-data';
import { trainingLoss } from './training-loss';
import {
	readWeights,
	writeWeights,
	type EpochMetrics,
	type TrainingSnapshot
} from './training-snapshot';

export interface TrainingProgress {
	epoch: number;
	epochs: number;
	/** 1-based batch within the epoch. */
	batch: number;
	batches: number;
	/** Optimiser steps done / planned. */
	step: number;
	totalSteps: number;
	/** Mean training loss of this epoch so far. */
	loss: number;
	/** On end-of-epoch reports only (else null). */
	valLoss: number | null;
	valMetric: number | null;
	learningRate: number;
	/** Global gradient norm before clipping at the last read (null without clipping). */
	gradNorm: number | null;
	samplesPerSec: number;
	/** 0..1 of all planned steps. */
	fraction: number;
	etaMs: number | null;
	elapsedMs: number;
}

export interface TrainingOutcome {
	history: EpochMetrics[];
	backend: string;
	stopped: 'completed' | 'early_stopped';
	/** Epoch whose weights the model holds at the end (the best one after early stopping). */
	weightsFromEpoch: number;
	steps: number;
}

export interface TrainingRunOptions {
	model: tf.LayersModel;
	data: TrainingData;
	config: TrainLoopConfigInput;
	/** Continue from this snapshot (same config and model), else start fresh. */
	resumeFrom?: TrainingSnapshot;
	signal?: AbortSignal;
	gate?: PauseGate;
	onProgress?: (p: TrainingProgress) => void;
	/** Awaited with every snapshot (each `checkpointEvery` steps, each epoch end, on cancel). */
	onCheckpoint?: (s: TrainingSnapshot) => void | Promise<void>;
	/**
	 * Awaited after each epoch's record is final (and after its checkpoint): the place to persist the
	 * loss row. Not called for the epoch in progress when the run is cancelled.
	 */
	onEpochEnd?: (m: EpochMetrics) => void | Promise<void>;
}

/**
 * Trains `opts.model` in place. Returns the history, or `err('cancelled')` after saving a last
 * snapshot through `onCheckpoint` (resume from it to continue). Disposes every tensor it makes.
 * On the CPU backend the same seed, data and config give bit-identical weights, resumed or not.
 *
 * @example
 * const r = await runTraining({ model, data, config: { epochs: 10, batchSize: 32, learningRate: 1e-3,
 *   seed: 7, optimizer: { type: 'adamw', weightDecay: 0.01 }, clipNorm: 1 }, onProgress: post });
 */
export async function runTraining(opts: TrainingRunOptions): Promise<Result<TrainingOutcome>> {
	const parsed = TrainLoopConfig.safeParse(opts.config);
	if (!parsed.success) {
		const i = parsed.error.issues[0];
		return err('bad_input', `Training config ${i.path.join('.') || ''}: ${i.message}`);
	}
	const config = parsed.data;
	const { model, data, signal, gate, onProgress } = opts;
	const invalid = checkTrainingData(data, model);
	if (invalid) return err('bad_input', invalid);

	const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
	const batches = Math.ceil(data.trainSamples / config.batchSize);
	const totalSteps = batches * config.epochs;
	const backend = tf.getBackend();
	const optimizer = new SlotOptimizer(config.optimizer, vars);
	const keepBest = config.earlyStopping?.restoreBest ?? false;

	let epoch = 1;
	let batch = 0;
	let epochLossSum = 0;
	let epochSeen = 0;
	let early = initialEarlyStopping();
	let bestWeights: Float32Array[] | null = null;
	let history: EpochMetrics[] = [];
	let elapsedBefore = 0;
	try {
		if (opts.resumeFrom) {
			const s = opts.resumeFrom;
			if (s.version !== 1) {
				optimizer.dispose();
				return err(
					'bad_input',
					`Unknown checkpoint version ${String(s.version)}; start a new run.`
				);
			}
			if (JSON.stringify(s.config) !== JSON.stringify(config)) {
				optimizer.dispose();
				return err(
					'conflict',
					'The checkpoint was made with another training config; start a new run instead.'
				);
			}
			writeWeights(vars, s.weights);
			optimizer.restore(s.optimizer);
			({ epoch, batch } = s.position);
			({ epochLossSum, epochSeen, bestWeights, elapsedMs: elapsedBefore } = s);
			early = { ...s.earlyStopping };
			history = [...s.history];
		}
	} catch (e) {
		optimizer.dispose();
		return err('bad_input', e instanceof Error ? e.message : String(e));
	}

	const sessionStart = performance.now();
	const stepsAtStart = optimizer.step;
	let sessionSeen = 0;
	let lastLr = learningRateAt(config.learningRate, config.schedule, optimizer.step, totalSteps);
	let gradNorm: number | null = null;

	const elapsed = () => elapsedBefore + performance.now() - sessionStart;
	const progress = (
		loss: number,
		val: { loss: number; metric: number } | null
	): TrainingProgress => {
		const sessionMs = performance.now() - sessionStart;
		const doneThisSession = optimizer.step - stepsAtStart;
		const msPerStep = doneThisSession > 0 ? sessionMs / doneThisSession : null;
		return {
			epoch,
			epochs: config.epochs,
			batch: Math.max(1, batch),
			batches,
			step: optimizer.step,
			totalSteps,
			loss,
			valLoss: val?.loss ?? null,
			valMetric: val?.metric ?? null,
			learningRate: lastLr,
			gradNorm,
			samplesPerSec: sessionMs > 0 ? (sessionSeen * 1000) / sessionMs : 0,
			fraction: optimizer.step / totalSteps,
			etaMs: msPerStep === null ? null : msPerStep * (totalSteps - optimizer.step),
			elapsedMs: elapsed()
		};
	};
	/** `at` overrides the position: an epoch-end snapshot is saved as the start of the next epoch. */
	const snapshot = async (at?: { epoch: number }): Promise<TrainingSnapshot> => ({
		version: 1,
		config,
		position: at
			? { epoch: at.epoch, batch: 0, step: optimizer.step }
			: { epoch, batch, step: optimizer.step },
		epochLossSum: at ? 0 : epochLossSum,
		epochSeen: at ? 0 : epochSeen,
		weights: await readWeights(vars),
		optimizer: await optimizer.snapshot(),
		earlyStopping: { ...early },
		bestWeights,
		history: [...history],
		elapsedMs: elapsed()
	});
	const checkpoint = async (at?: { epoch: number }) => {
		if (opts.onCheckpoint) await opts.onCheckpoint(await snapshot(at));
	};

	// The epoch's running loss sum lives on the device between reads.
	const device: { lossSum: tf.Scalar | null } = { lossSum: null };
	const flushLoss = async () => {
		const sum = device.lossSum;
		if (!sum) return;
		device.lossSum = null;
		epochLossSum += (await sum.data())[0];
		sum.dispose();
	};

	try {
		for (; epoch <= config.epochs; epoch++, batch = 0, epochLossSum = 0, epochSeen = 0) {
			const order = epochOrder(data.trainSamples, config.seed, epoch);
			for (; batch < batches;) {
				await nextMacrotask();
				if (gate?.paused) {
					await flushLoss();
					await checkpoint();
					await gate.whileOpen();
				}
				if (signal?.aborted) {
					await flushLoss();
					await checkpoint();
					return err(
						'cancelled',
						`Training was cancelled in epoch ${epoch} before batch ${batch + 1}; resume from the checkpoint to continue.`,
						{ history }
					);
				}
				const rows = order.subarray(
					batch * config.batchSize,
					Math.min((batch + 1) * config.batchSize, data.trainSamples)
				);
				const stepped = trainStep(rows);
				const prev = device.lossSum;
				const weighted = stepped.loss.mul(rows.length) as tf.Scalar;
				device.lossSum = prev ? tf.tidy(() => prev.add(weighted) as tf.Scalar) : weighted;
				if (prev) tf.dispose([prev, weighted]);
				stepped.loss.dispose();
				batch++;
				epochSeen += rows.length;
				sessionSeen += rows.length;

				const last = batch === batches;
				const readNow = last || optimizer.step % config.readLossEvery === 0;
				if (readNow) {
					await flushLoss();
					if (stepped.norm) gradNorm = (await stepped.norm.data())[0];
					const loss = epochLossSum / epochSeen;
					if (!Number.isFinite(loss)) {
						stepped.norm?.dispose();
						return err(
							'bad_input',
							`Training diverged (loss ${loss}) in epoch ${epoch}: lower the learning rate, clip gradients or normalise the inputs.`,
							{ history }
						);
					}
					if (!last) onProgress?.(progress(loss, null));
				}
				stepped.norm?.dispose();
				if (!last && config.checkpointEvery > 0 && optimizer.step % config.checkpointEvery === 0) {
					await flushLoss();
					await checkpoint();
				}
			}
			const outcome = await endEpoch();
			if (outcome) return outcome;
		}
		return ok(finish('completed'));
	} catch (e) {
		return err('internal', `Training failed: ${e instanceof Error ? e.message : String(e)}`, {
			history
		});
	} finally {
		device.lossSum?.dispose();
		optimizer.dispose();
	}

	/** One optimiser step; returns the batch loss (and the pre-clip norm) as device scalars. */
	function trainStep(rows: Int32Array): { loss: tf.Scalar; norm: tf.Scalar | null } {
		lastLr = learningRateAt(config.learningRate, config.schedule, optimizer.step, totalSteps);
		const [xb, yb] = gatherRows(data, rows);
		try {
			const { value, grads } = tf.variableGrads(
				() =>
					trainingLoss(
						config.task,
						firstOutput(model.apply(xb, { training: true }) as tf.Tensor | tf.Tensor[]),
						yb,
						config.classWeights
					),
				vars
			);
			const list = vars.map((v) => grads[v.name]);
			let norm: tf.Scalar | null = null;
			let applied = list;
			if (config.clipNorm !== undefined) {
				const c = clipByGlobalNorm(list, config.clipNorm);
				norm = c.norm;
				applied = c.clipped;
			}
			optimizer.apply(applied, lastLr);
			tf.dispose(grads);
			if (applied !== list) tf.dispose(applied);
			return { loss: value, norm };
		} finally {
			tf.dispose([xb, yb]);
		}
	}

	/** Validation, history, early stopping and the epoch checkpoint; an Ok/Err ends the run. */
	async function endEpoch(): Promise<Result<TrainingOutcome> | Err | null> {
		const loss = epochLossSum / epochSeen;
		const val = await evaluateValidation(model, data, config.task);
		history.push({
			epoch,
			loss,
			valLoss: val?.loss ?? null,
			valMetric: val?.metric ?? null,
			learningRate: lastLr
		});
		onProgress?.(progress(loss, val));
		let stop = false;
		if (config.earlyStopping && val) {
			const seen = observeValidationLoss(early, config.earlyStopping, epoch, val.loss);
			early = seen.state;
			if (seen.improved && keepBest) bestWeights = await readWeights(vars);
			stop = seen.stop;
		}
		// Restored before onEpochEnd, so a model saved there is the one the run ends with.
		if (stop && keepBest && bestWeights) writeWeights(vars, bestWeights);
		// Saved as the start of the next epoch, so a resume does not validate this one twice.
		if (!stop && epoch < config.epochs) await checkpoint({ epoch: epoch + 1 });
		await opts.onEpochEnd?.(history[history.length - 1]);
		return stop ? ok(finish('early_stopped')) : null;
	}

	function finish(stopped: TrainingOutcome['stopped']): TrainingOutcome {
		const restored = stopped === 'early_stopped' && keepBest && bestWeights !== null;
		return {
			history,
			backend,
			stopped,
			weightsFromEpoch: restored ? early.bestEpoch : (history.at(-1)?.epoch ?? 0),
			steps: optimizer.step
		};
	}
}
