import { resolveConfig, type MonteCarloConfig, type ResolvedModel } from './config';
import type { MonteCarloResult, PathOutputs } from './monte-carlo-result';
import { pathMetrics } from './path-metrics';
import { pathReturns } from './path-returns';
import { summarizeMetric } from './summarize';
import { simulatePathsWasm } from './wasm/wasm-paths';

/** ln of the ruin threshold (−∞ for 0: never ruined) and √periodsPerYear, shared by both twins. */
export function ruinLogOf(config: MonteCarloConfig): number {
	return Math.log(config.ruinThreshold ?? 0.5);
}
export function annualFactorOf(config: MonteCarloConfig): number {
	return Math.sqrt(config.periodsPerYear ?? 252);
}

/**
 * Per-path outputs of paths [first, first + count) in f64, on the fastest CPU engine here: the
 * WebAssembly kernel (bit-identical to `simulatePathsJs`, tested) or, where WebAssembly is
 * unavailable, the JavaScript twin itself.
 */
export function simulatePaths(
	config: MonteCarloConfig,
	model: ResolvedModel,
	first: number,
	count: number
): PathOutputs {
	return (
		simulatePathsWasm(config, model, first, count, ruinLogOf(config), annualFactorOf(config)) ??
		simulatePathsJs(config, model, first, count)
	);
}

/**
 * Per-path outputs of paths [first, first + count) in f64, in plain JavaScript: the CPU twin of the
 * WGSL kernel, the reference its test holds the GPU to path by path, and the reference of the
 * WebAssembly kernel.
 */
export function simulatePathsJs(
	config: MonteCarloConfig,
	model: ResolvedModel,
	first: number,
	count: number
): PathOutputs {
	const out: PathOutputs = {
		finalReturn: new Float64Array(count),
		maxDrawdown: new Float64Array(count),
		sharpe: new Float64Array(count),
		ruined: new Uint8Array(count)
	};
	const returns = new Float64Array(config.steps);
	const ruinLog = ruinLogOf(config);
	const annual = annualFactorOf(config);
	const seed = config.seed >>> 0;
	const stream = (config.stream ?? 0) >>> 0;
	for (let i = 0; i < count; i++) {
		pathReturns(model, seed, stream, (first + i) >>> 0, returns);
		const m = pathMetrics(returns, ruinLog, annual);
		out.finalReturn[i] = m.finalReturn;
		out.maxDrawdown[i] = m.maxDrawdown;
		out.sharpe[i] = m.sharpe;
		out.ruined[i] = m.ruined ? 1 : 0;
	}
	return out;
}

/** Summaries (and, when asked, the per-path arrays) of a set of per-path outputs. */
export function summarizePaths(config: MonteCarloConfig, perPath: PathOutputs): MonteCarloResult {
	let ruined = 0;
	for (let i = 0; i < perPath.ruined.length; i++) ruined += perPath.ruined[i];
	// summarizeMetric sorts in place: sort copies when the caller keeps the per-path order.
	const own = <T extends Float64Array | Float32Array>(a: T): T =>
		(config.keepPaths ? a.slice() : a) as T;
	return {
		paths: config.paths,
		steps: config.steps,
		finalReturn: summarizeMetric(own(perPath.finalReturn)),
		maxDrawdown: summarizeMetric(own(perPath.maxDrawdown)),
		sharpe: summarizeMetric(own(perPath.sharpe)),
		ruinProbability: ruined / config.paths,
		...(config.keepPaths ? { perPath } : {})
	};
}

/**
 * Monte Carlo of `config.paths` equity paths on one CPU core, in f64: each path's final return, max
 * drawdown, annualised Sharpe and ruin, then mean, std and 1–99 % quantiles of each and the
 * probability of ruin. Throws a RangeError naming the bad field for an invalid config.
 *
 * @example
 * const r = runMonteCarloCpu({ model: { kind: 'gbm', mu: 3e-4, sigma: 0.01 }, paths: 10_000, steps: 252, seed: 1 });
 * r.maxDrawdown.quantiles[5]; // 95th percentile of the max drawdown
 */
export function runMonteCarloCpu(config: MonteCarloConfig): MonteCarloResult {
	const model = resolveConfig(config);
	if (!model.ok) throw new RangeError(model.message);
	return summarizePaths(config, simulatePaths(config, model.value, 0, config.paths));
}
