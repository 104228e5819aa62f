/**
 * One experiment run, end to end, in the train worker: load data and features → supervised windows →
 * train (tfjs, chosen backend) with per-epoch records and checkpoints → predict the held-out tail →
 * threshold policy backtest with fees → close the run. Every step writes through the store in
 * transactions, so a crash leaves a run marked 'running' with its last checkpoint, never a half record.
 *
 * Splits are chronological: the first `trainFraction` of samples is fitting data (its last 15% is
 * validation, monitored only), an embargo of `window` samples follows so no test window overlaps a
 * fitting window, and the rest is the out-of-sample test the backtest trades.
 */
import { ExperimentCreate, type ExperimentResults } from '$lib/core/protocol';
import { err, ok, type Result } from '$lib/core/result';
import { makeWindows, nextLogReturn, fitStandardizer, applyStandardizer } from '$lib/core/dataset';
import { summarizeBacktest, thresholdPositions, runBacktest, buyAndHold } from '$lib/core/backtest';
import { selectBackend, type BackendSelection } from '$lib/ml/backend';
import { probeBackends, type BackendProbe } from '$lib/ml/backend-probe';
import { buildSequenceModel } from '$lib/ml/gru-regressor';
import { predict } from '$lib/ml/train';
import { runTraining, type PauseGate, type TrainingSnapshot } from '$lib/ml/training';
import { fusedStepInfo } from '$lib/ml/training/fused-step-info';
import { saveCheckpoint as serializeModel } from '$lib/ml/checkpoint';
import type { AxonDb } from '$lib/store/db';
import {
	appendLoss,
	createExperimentWithRun,
	finishRun,
	newId,
	saveCheckpoint
} from '$lib/store/repositories';
import { ExperimentInput } from './experiment-input';
import type { TrainProgress } from './train-progress';

/** Daily bars: 252 trading days a year annualise the Sharpe ratio. */
const PERIODS_PER_YEAR = 252;
const VALIDATION_SHARE = 0.15;

export interface RunSummary {
	experimentId: string;
	runId: string;
	results: ExperimentResults;
}

interface Splits {
	fit: number;
	train: number;
	testStart: number;
}

/** Chronological fit/validation/test boundaries in sample units (see the module comment). */
export function planSplits(samples: number, trainFraction: number, window: number): Result<Splits> {
	const fit = Math.floor(samples * trainFraction);
	const train = Math.floor(fit * (1 - VALIDATION_SHARE));
	const testStart = fit + window;
	if (train < 16 || fit - train < 4 || samples - testStart < 16) {
		return err(
			'bad_input',
			`Not enough samples (${samples}) for window ${window}: need ≥16 to train, ≥4 to validate and ≥16 to test. Use more data or a shorter window.`
		);
	}
	return ok({ fit, train, testStart });
}

export async function runExperiment(
	db: AxonDb,
	rawInput: unknown,
	options: {
		signal?: AbortSignal;
		onProgress?: (p: TrainProgress) => void;
		/** Pauses training between batches (the worker drives it from a control port). */
		gate?: PauseGate;
	} = {}
): Promise<Result<RunSummary>> {
	const parsed = ExperimentInput.safeParse(rawInput);
	if (!parsed.success) {
		return err(
			'bad_input',
			parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		);
	}
	const input = parsed.data;
	const { signal } = options;
	const report = options.onProgress ?? (() => {});
	report({ phase: 'prepare', fraction: 0.01, message: 'Loading data and features' });

	const dataset = await db.datasets.get(input.datasetId);
	const featureSet = await db.featureSets.get(input.featureSetId);
	if (!dataset || !featureSet || featureSet.datasetId !== dataset.id) {
		return err(
			'not_found',
			'The dataset or its feature set is no longer stored. Compute features again.'
		);
	}
	const { window } = input.model;
	const windows = makeWindows({
		features: featureSet.columns,
		target: nextLogReturn(dataset.columns.close),
		window,
		start: featureSet.warmup
	});
	const splits = planSplits(windows.samples, input.trainFraction, window);
	if (!splits.ok) return splits;
	const { fit, train, testStart } = splits.value;

	// Standardise features and target with training-sample statistics only (no look-ahead).
	const scaler = fitStandardizer(windows.x, windows.nFeatures, train, window);
	const x = applyStandardizer(windows.x, windows.nFeatures, scaler);
	let yMean = 0;
	for (let i = 0; i < train; i++) yMean += windows.y[i];
	yMean /= train;
	let yVar = 0;
	for (let i = 0; i < train; i++) yVar += (windows.y[i] - yMean) ** 2;
	const yStd = Math.sqrt(yVar / (train - 1)) || 1;
	const y = windows.y.map((v) => (v - yMean) / yStd);

	const modelSpec = { ...input.model, nFeatures: windows.nFeatures, seed: input.training.seed };
	// 'auto' measures this model on each backend (a few steps) and trains on the fastest.
	let probeSummary: string | undefined;
	let probe: BackendProbe | undefined;
	let selection: BackendSelection;
	if (input.training.backend === 'auto') {
		probe = await probeBackends(() => buildSequenceModel(modelSpec), {
			sampleShape: [window, windows.nFeatures],
			batchSize: Math.min(input.training.batch_size, 64),
			steps: 2
		});
		probeSummary = probe.summary;
		const chosen = probe.measurements.find((m) => m.backend === probe!.chosen);
		selection = {
			backend: probe.chosen,
			software: probe.software,
			...(chosen?.adapter ? { adapter: chosen.adapter } : {}),
			notice: `Measured: ${probe.summary}`
		};
	} else {
		selection = await selectBackend(input.training.backend);
	}
	const adapter = selection.adapter
		? [selection.adapter.vendor, selection.adapter.architecture, selection.adapter.description]
				.filter(Boolean)
				.join(' · ')
		: null;
	const backendLabel =
		selection.backend === 'webgpu' && selection.software
			? 'webgpu (software adapter)'
			: selection.backend;
	if (probeSummary) {
		report({
			phase: 'prepare',
			fraction: 0.04,
			message: 'Backend probe',
			probe: probeSummary,
			probeDetail: probe,
			backend: backendLabel
		});
	}

	const body = ExperimentCreate.parse({
		name: input.name,
		status: 'running',
		model_config: input.model,
		data_config: {
			dataset: dataset.name,
			source: dataset.source,
			content_hash: dataset.contentHash,
			rows: dataset.rows,
			features: featureSet.names,
			train_fraction: input.trainFraction
		},
		training_config: { ...input.training, backend: selection.backend },
		backtest_config: { ...input.backtest, periods_per_year: PERIODS_PER_YEAR }
	});
	const now = Date.now();
	const { experiment, run } = await createExperimentWithRun(
		db,
		{
			id: newId(),
			name: input.name,
			datasetId: dataset.id,
			featureSetId: featureSet.id,
			body,
			remote: null,
			error: null,
			createdAt: now,
			updatedAt: now
		},
		input.training.seed
	);
	const fail = async (status: 'failed' | 'cancelled', message: string) => {
		await finishRun(db, run.id, {
			status,
			backend: selection.backend,
			adapter,
			software: selection.software,
			backtest: null,
			results: null,
			error: message,
			...(probe ? { probe } : {})
		});
	};

	const model = buildSequenceModel(modelSpec);
	try {
		const fitData = {
			x: x.subarray(0, fit * window * windows.nFeatures),
			y: y.subarray(0, fit),
			inputShape: [window, windows.nFeatures],
			targetWidth: 1,
			samples: fit,
			trainSamples: train
		};
		// Fused layers: one measured step (gradients, no update) for the run record's kernel line.
		const kernels = await fusedStepInfo(model, fitData, input.training.batch_size);
		const epochs = input.training.epochs;
		// The engine's snapshot (weights, Adam state, batch position) rides along with each epoch's
		// checkpoint so a run can continue exactly after the tab or worker died.
		let snapshot: TrainingSnapshot | null = null;
		const trained = await runTraining({
			model,
			data: fitData,
			config: {
				epochs,
				batchSize: input.training.batch_size,
				learningRate: input.training.learning_rate,
				seed: input.training.seed,
				optimizer: { type: 'adam' }
			},
			signal,
			gate: options.gate,
			onProgress: (p) => {
				report({
					phase: 'train',
					experimentId: experiment.id,
					fraction: 0.05 + 0.85 * p.fraction,
					message: `Training epoch ${p.epoch}/${epochs}`,
					epoch: p.epoch,
					epochs,
					epochEnd: p.batch === p.batches,
					loss: p.loss,
					valLoss: p.valLoss,
					valMetric: p.valMetric,
					learningRate: p.learningRate,
					samplesPerSec: p.samplesPerSec,
					etaMs: p.etaMs ?? undefined,
					backend: backendLabel,
					...(probeSummary ? { probe: probeSummary } : {})
				});
			},
			onCheckpoint: (s) => {
				snapshot = s;
			},
			onEpochEnd: async ({ epoch, loss, valLoss }) => {
				await appendLoss(db, run.id, [{ epoch, loss, valLoss }]);
				await saveCheckpoint(db, {
					id: `${run.id}:${epoch}`,
					runId: run.id,
					epoch,
					createdAt: Date.now(),
					artifacts: await serializeModel(model),
					...(snapshot ? { training: snapshot } : {})
				});
			}
		});
		if (!trained.ok) {
			await fail(trained.code === 'cancelled' ? 'cancelled' : 'failed', trained.message);
			return trained;
		}

		report({
			phase: 'predict',
			fraction: 0.92,
			message: 'Predicting the held-out period',
			backend: backendLabel
		});
		const testSamples = windows.samples - testStart;
		const stride = window * windows.nFeatures;
		const scaled = await predict(
			model,
			x.subarray(testStart * stride),
			testSamples,
			window,
			windows.nFeatures
		);
		const predictions = scaled.map((v) => v * yStd + yMean);

		report({ phase: 'backtest', fraction: 0.96, message: 'Backtesting the threshold policy' });
		const index = windows.index.subarray(testStart);
		const positions = thresholdPositions(predictions, input.backtest.threshold);
		const bt = runBacktest({
			close: dataset.columns.close,
			positions,
			index,
			feeBps: input.backtest.fee_bps,
			periodsPerYear: PERIODS_PER_YEAR
		});
		const summary = summarizeBacktest(bt, PERIODS_PER_YEAR);
		const last = trained.value.history.at(-1);
		const results: ExperimentResults = {
			final_train_loss: last?.loss ?? null,
			final_val_loss: last?.valLoss ?? null,
			total_return: summary.total_return,
			sharpe: summary.sharpe,
			max_drawdown: summary.max_drawdown,
			trades: summary.trades,
			backend: backendLabel
		};
		report({ phase: 'save', fraction: 0.99, message: 'Saving the experiment' });
		await finishRun(db, run.id, {
			status: 'completed',
			backend: selection.backend,
			adapter,
			software: selection.software,
			results,
			error: null,
			...(probe ? { probe } : {}),
			...(kernels ? { kernels } : {}),
			backtest: {
				// equity[k + 1] is marked at the close after decision k: plot it at that bar's time.
				time: Float64Array.from(index, (t) => dataset.columns.time[t + 1]),
				equity: bt.equity.slice(1),
				benchmark: buyAndHold(dataset.columns.close, index).slice(1),
				positions: Float64Array.from(positions),
				predictions
			}
		});
		return ok({ experimentId: experiment.id, runId: run.id, results });
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		await fail('failed', message);
		return err('internal', message);
	} finally {
		model.dispose();
	}
}
