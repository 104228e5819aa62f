import type { MonteCarloConfig } from './config';
import type { MonteCarloResult, PathOutputs } from './monte-carlo-result';
import { summarizePaths } from './run-monte-carlo-cpu';

/** A contiguous range of path indices [first, first + count) for one worker. */
export interface PathChunk {
	first: number;
	count: number;
}

/**
 * Splits `paths` paths into `workers` contiguous chunks of near-equal size (the first ones one path
 * longer), skipping empty ones. Paths are independent Philox streams indexed by path number, so the
 * chunks can run anywhere, in any order.
 *
 * @example
 * splitPaths(10, 3); // [{ first: 0, count: 4 }, { first: 4, count: 3 }, { first: 7, count: 3 }]
 */
export function splitPaths(paths: number, workers: number): PathChunk[] {
	if (!(Number.isInteger(workers) && workers >= 1))
		throw new RangeError('splitPaths: workers must be an integer ≥ 1');
	const base = Math.floor(paths / workers);
	const extra = paths % workers;
	const out: PathChunk[] = [];
	let first = 0;
	for (let w = 0; w < workers; w++) {
		const count = base + (w < extra ? 1 : 0);
		if (count > 0) out.push({ first, count });
		first += count;
	}
	return out;
}

/**
 * Joins per-chunk outputs back into path order. Exact: path i's outputs depend only on (seed, stream,
 * i), so the merged arrays are bit-identical to one worker's, whatever the chunking.
 */
export function mergePathOutputs(
	chunks: readonly { chunk: PathChunk; out: PathOutputs }[]
): PathOutputs {
	const sorted = [...chunks].sort((a, b) => a.chunk.first - b.chunk.first);
	const total = sorted.reduce((n, c) => n + c.chunk.count, 0);
	const merged: PathOutputs = {
		finalReturn: new Float64Array(total),
		maxDrawdown: new Float64Array(total),
		sharpe: new Float64Array(total),
		ruined: new Uint8Array(total)
	};
	let at = 0;
	for (const { chunk, out } of sorted) {
		if (chunk.first !== at)
			throw new RangeError(`mergePathOutputs: chunks leave a gap at path ${at}`);
		merged.finalReturn.set(out.finalReturn, at);
		merged.maxDrawdown.set(out.maxDrawdown, at);
		merged.sharpe.set(out.sharpe, at);
		merged.ruined.set(out.ruined, at);
		at += chunk.count;
	}
	return merged;
}

/**
 * Monte Carlo spread over a pool: `runChunk` computes one chunk's outputs (in a worker, a
 * worker_thread, or in-process), all chunks run concurrently, and the merge + summary happen here.
 * The same config gives the identical result for any worker count.
 *
 * @example
 * await runMonteCarloPooled(config, 4, (chunk) => pool.next().simulatePaths(config, chunk));
 */
export async function runMonteCarloPooled(
	config: MonteCarloConfig,
	workers: number,
	runChunk: (chunk: PathChunk) => Promise<PathOutputs>
): Promise<MonteCarloResult> {
	const chunks = splitPaths(config.paths, workers);
	const outs = await Promise.all(
		chunks.map(async (chunk) => ({ chunk, out: await runChunk(chunk) }))
	);
	return summarizePaths(config, mergePathOutputs(outs));
}
