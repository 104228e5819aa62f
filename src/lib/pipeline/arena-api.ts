/**
 * The arena worker's API: run a battle session (progress through a proxied callback, cancel through
 * the abort port), and simulate one chunk of Monte-Carlo paths for the page's worker pool. Every
 * method returns a Result; nothing throws across the worker boundary.
 */
import { transfer } from 'comlink';
import { signalFromPort } from '$lib/bridge/abort-port';
import {
	battleToProtocol,
	contendersFromChoices,
	runBattle,
	type BattleConfig,
	type BattleProgress,
	type ContenderChoice
} from '$lib/core/arena';
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

export function createArenaApi(db: () => AxonDb) {
	return {
		/**
		 * Runs a session on a stored dataset and stores it (status 'running' at once, then its outcome):
		 * a reload during the run still lists it. Cancelled and failed sessions are stored as such.
		 */
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
				const contenders = await contendersFromChoices(request.contenders, async (runId) => {
					const run = await store.runs.get(runId);
					return run?.backtest
						? { time: run.backtest.time, predictions: run.backtest.predictions }
						: null;
				});
				if (!contenders.ok) return await fail(store, record, contenders);
				const started = Date.now();
				const series = { symbol: dataset.symbol, ...dataset.columns };
				const outcome = await runBattle(series, contenders.value, request.config, {
					signal: signalFromPort(port),
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
