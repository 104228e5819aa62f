/**
 * The page's handles on arena workers: one for sessions (started lazily), and a pool for Monte Carlo
 * that splits paths across N workers and merges exactly (`runMonteCarloPooled`: the same seed gives
 * the identical result for any N).
 */
import type { MonteCarloConfig, MonteCarloResult } from '$lib/core/montecarlo';
import { runMonteCarloPooled } from '$lib/core/montecarlo/path-chunks';
import type { ArenaApi } from '$lib/pipeline/arena-api';
import { WorkerClient } from './worker-client';

const makeWorker = () =>
	new Worker(new URL('../../workers/arena.worker.ts', import.meta.url), { type: 'module' });

export const arenaWorker = new WorkerClient<ArenaApi>(makeWorker);

/**
 * Monte Carlo over `workers` arena workers (default: the cores the browser reports, at most 8).
 * Workers are started for the call and terminated after it.
 *
 * @example
 * const r = await monteCarloOnPool({ model: { kind: 'gbm', mu: 3e-4, sigma: 0.01 }, paths: 1e6, steps: 252, seed: 1 });
 */
export async function monteCarloOnPool(
	config: MonteCarloConfig,
	workers = Math.min(8, globalThis.navigator?.hardwareConcurrency ?? 2),
	signal?: AbortSignal
): Promise<MonteCarloResult> {
	const pool = Array.from({ length: workers }, () => new WorkerClient<ArenaApi>(makeWorker));
	let next = 0;
	try {
		return await runMonteCarloPooled(config, workers, async (chunk) => {
			const client = pool[next++ % pool.length];
			const r = await client.call((api) => api.simulatePathsChunk(config, chunk), { signal });
			if (!r.ok) throw new Error(r.message);
			return r.value;
		});
	} finally {
		pool.forEach((p) => p.terminate());
	}
}
