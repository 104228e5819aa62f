/**
 * The arena worker's API: run a battle session (progress through a proxied callback, cancel through
 * the abort port), and simulate one chunk of Monte-Carlo paths for the page's worker pool. Every
 * method returns a Result; nothing throws across the worker boundary.
 */
import { transfer } from 'comlink';
import { signalFromPort } from '$lib/bridge/abort-port';
import {
	battleToProtocol,
	checkModelInputs,
	contendersFromChoices,
	defaultModelFeatures,
	runBattle,
	type BattleConfig,
	type BattleProgress,
	type ContenderChoice,
	type ModelChoice,
	type ModelInputs,
	type ModelPredictions
} from '$lib/core/arena';
import type { OhlcvSeries } from '$lib/core/ohlcv';
import type { ModelLoader } from '$lib/ml/model-loader';
import { predictSeries } from '$lib/ml/model-contender';
import {
	resolveConfig,
	simulatePaths,
	type MonteCarloConfig,
	type PathOutputs
} from '$lib/core/montecarlo';
import type { PathChunk } from '$lib/core/montecarlo/path-chunks';
import { err, ok, type Result } from '$lib/core/result';
import { saveBattleSession } from '$lib/store/battle-repository';
import type { AxonDb } from '$lib/store/db';
import type { BattleSessionRecord } from '$lib/store/records-battle';

export interface SessionRequest {
	name: string;
	datasetId: string;
	contenders: ContenderChoice[];
	config: BattleConfig;
}

export interface SessionSummary {
	id: string;
	status: 'completed';
	best: string | null;
}

/** A model imported for the arena, as the session form lists it. */
export interface ArenaModel {
	artifactId: string;
	name: string;
	format: 'onnx' | 'tfjs';
	inputShape: (number | string | null)[];
	outputShape: (number | string | null)[];
	/** Where it ran when it was checked, e.g. 'onnxruntime-web wasm', 'tfjs cpu'. */
	engine: string;
	/** Inputs to start the form with: the declared window and standard features. */
	suggested: ModelInputs;
}

export interface ModelFiles {
	name: string;
	format: 'onnx' | 'tfjs';
	onnx?: ArrayBuffer;
	tfjs?: { modelJson: unknown; weights: ArrayBuffer; card: unknown };
}

/** Larger models are refused before anything is parsed (the arena runs them over every bar). */
export const MAX_ARENA_MODEL_BYTES = 64 * 2 ** 20;

/**
 * @param loadModel runs imported ONNX / native models (the worker passes onnxruntime-web's loader);
 *   without it, model contenders are refused with a clear message.
 */
export function createArenaApi(db: () => AxonDb, loadModel?: ModelLoader) {
	/** Runs a model choice over the session's bars (inputs checked against its declared shape). */
	async function predictionsFor(
		store: AxonDb,
		choice: ModelChoice,
		series: OhlcvSeries,
		config: BattleConfig,
		signal: AbortSignal | undefined,
		onProgress?: (p: BattleProgress) => void
	): Promise<Result<ModelPredictions>> {
		if (!loadModel) return err('bad_input', `${choice.label}: models cannot run here.`);
		const artifact = await store.modelArtifacts.get(choice.artifactId);
		if (!artifact)
			return err('not_found', `${choice.label}: the model file is gone; import it again.`);
		const loaded = await loadModel(artifact);
		if (!loaded.ok) return loaded;
		try {
			const inputs = checkModelInputs(choice.label, loaded.value.inputShape, choice.inputs);
			if (!inputs.ok) return inputs;
			return await predictSeries(loaded.value.predictor, series, inputs.value, {
				fitEnd: config.walkForward.trainBars,
				signal,
				onProgress: (done, total) =>
					onProgress?.({
						phase: 'predict',
						fraction: done / total,
						message: `${choice.label} (${loaded.value.predictor.engine}): predicting bar ${done} of ${total}`
					})
			});
		} finally {
			loaded.value.predictor.dispose();
		}
	}

	return {
		/**
		 * Checks a model file by loading it, then stores it for sessions (nothing is stored when it
		 * does not load). Returns what the form shows: shapes, engine, suggested inputs.
		 */
		async importModel(files: ModelFiles): Promise<Result<ArenaModel>> {
			if (!loadModel) return err('bad_input', 'Models cannot be imported here.');
			const bytes = (files.onnx?.byteLength ?? 0) + (files.tfjs?.weights.byteLength ?? 0);
			if (bytes > MAX_ARENA_MODEL_BYTES)
				return err(
					'too_large',
					`${files.name}: ${(bytes / 2 ** 20).toFixed(1)} MiB; the arena takes models up to ${MAX_ARENA_MODEL_BYTES / 2 ** 20} MiB.`
				);
			const loaded = await loadModel(files);
			if (!loaded.ok) return loaded;
			const { predictor, inputShape, outputShape } = loaded.value;
			const engine = predictor.engine;
			predictor.dispose();
			if (inputShape.length !== 3)
				return err(
					'bad_input',
					`${files.name}: the input is [${inputShape.join(', ')}]; the arena feeds [batch, window, features].`
				);
			const artifactId = crypto.randomUUID();
			await db().modelArtifacts.put({
				id: artifactId,
				modelId: 'arena',
				createdAt: Date.now(),
				name: files.name,
				format: files.format,
				...(files.onnx ? { onnx: files.onnx } : {}),
				...(files.tfjs ? { tfjs: files.tfjs } : {}),
				inputShape
			});
			return ok({
				artifactId,
				name: files.name,
				format: files.format,
				inputShape,
				outputShape,
				engine,
				suggested: suggestedInputs(inputShape)
			});
		},

		/**
		 * Runs a session on a stored dataset and stores it (status 'running' at once, then its outcome):
		 * a reload during the run still lists it. Cancelled and failed sessions are stored as such.
		 */
		/**
		 * Runs a session on a stored dataset and stores it (status 'running' at once, then its outcome):
		 * a reload during the run still lists it. Cancelled and failed sessions are stored as such.
		 */
		/** Models imported for the arena earlier, newest first (shapes as stored; not re-loaded). */
		async listModels(): Promise<Result<Omit<ArenaModel, 'outputShape' | 'engine'>[]>> {
			const rows = await db().modelArtifacts.where('modelId').equals('arena').toArray();
			return ok(
				rows
					.filter((r) => r.format && r.inputShape)
					.sort((a, b) => b.createdAt - a.createdAt)
					.map((r) => ({
						artifactId: r.id,
						name: r.name ?? r.id,
						format: r.format!,
						inputShape: r.inputShape!,
						suggested: suggestedInputs(r.inputShape!)
					}))
			);
		},

		async runSession(
			request: SessionRequest,
			port?: MessagePort,
			onProgress?: (p: BattleProgress) => void
		): Promise<Result<SessionSummary>> {
			const store = db();
			const record: BattleSessionRecord = {
				id: crypto.randomUUID(),
				name: request.name,
				status: 'running',
				createdAt: Date.now(),
				datasetId: request.datasetId,
				contenders: request.contenders,
				config: request.config,
				finishedAt: null,
				outcome: null
			};
			try {
				const dataset = await store.datasets.get(request.datasetId);
				if (!dataset) return err('not_found', 'That dataset is gone; pick another on /data.');
				record.datasetName = dataset.name;
				await saveBattleSession(store, record);
				const series = { symbol: dataset.symbol, ...dataset.columns };
				const signal = signalFromPort(port);
				const predicted = new Map<string, Promise<Result<ModelPredictions>>>();
				const contenders = await contendersFromChoices(
					request.contenders,
					async (runId) => {
						const run = await store.runs.get(runId);
						return run?.backtest
							? { time: run.backtest.time, predictions: run.backtest.predictions }
							: null;
					},
					(choice) => {
						// A model that is also an ensemble member runs once per session.
						const key = JSON.stringify([choice.artifactId, choice.inputs]);
						let p = predicted.get(key);
						if (!p) {
							p = predictionsFor(store, choice, series, request.config, signal, onProgress);
							predicted.set(key, p);
						}
						return p;
					}
				);
				if (!contenders.ok) return await fail(store, record, contenders);
				const started = Date.now();
				const outcome = await runBattle(series, contenders.value, request.config, {
					signal,
					onProgress
				});
				if (!outcome.ok) return await fail(store, record, outcome);
				record.outcome = outcome.value;
				record.status = 'completed';
				record.finishedAt = Date.now();
				record.remote = battleToProtocol({
					name: request.name,
					dataset: { name: dataset.name, contentHash: dataset.contentHash, rows: dataset.rows },
					config: request.config,
					outcome: outcome.value,
					durationSeconds: (record.finishedAt - started) / 1000
				});
				await saveBattleSession(store, record);
				const ranked = [...outcome.value.contenders].sort(
					(a, b) => (b.metrics.sharpe ?? -Infinity) - (a.metrics.sharpe ?? -Infinity)
				);
				return ok({ id: record.id, status: 'completed', best: ranked[0]?.label ?? null });
			} catch (e) {
				return fail(store, record, err('internal', e instanceof Error ? e.message : String(e)));
			}
		},

		/** Per-path outputs of one chunk of a Monte Carlo, transferred (no copy) to the page's pool. */
		async simulatePathsChunk(
			config: MonteCarloConfig,
			chunk: PathChunk
		): Promise<Result<PathOutputs>> {
			const model = resolveConfig(config);
			if (!model.ok) return model;
			const out = simulatePaths(config, model.value, chunk.first, chunk.count);
			return transfer(ok(out), [
				out.finalReturn.buffer,
				out.maxDrawdown.buffer,
				out.sharpe.buffer,
				out.ruined.buffer
			] as ArrayBuffer[]);
		}
	};
}

/** The declared window (or 16 when symbolic) and that many standard features (or 5). */
function suggestedInputs(shape: (number | string | null)[]): ModelInputs {
	const [, w, f] = shape;
	return {
		window: typeof w === 'number' ? w : 16,
		features: defaultModelFeatures(typeof f === 'number' ? f : 5),
		standardize: true
	};
}

async function fail<T>(
	store: AxonDb,
	record: BattleSessionRecord,
	e: { ok: false; code: import('$lib/core/result').ErrorCode; message: string }
): Promise<Result<T>> {
	record.status = e.code === 'cancelled' ? 'cancelled' : 'failed';
	record.error = e.message;
	record.finishedAt = Date.now();
	await saveBattleSession(store, record).catch(() => undefined);
	return e;
}

export type ArenaApi = ReturnType<typeof createArenaApi>;
