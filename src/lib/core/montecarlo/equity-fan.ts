import { resolveConfig } from './config';
import { pathReturns } from './path-returns';
import { sortedQuantile } from './summarize';

/** The percentile levels a fan chart draws: the median, the inter-quartile and the 90% band. */
export const FAN_LEVELS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface EquityFan {
	/** Equity multiple at steps 0 … steps (step 0 = 1) for each level of FAN_LEVELS. */
	bands: Float64Array[];
	levels: readonly number[];
	paths: number;
	steps: number;
}

export interface EquityFanOptions {
	paths: number;
	/** Mean block length of the stationary bootstrap. Default max(1, n^{1/3}). */
	meanBlockLength?: number;
	seed: number;
	/** Default: as many steps as there are returns. */
	steps?: number;
}

/** A total loss in one period has log return −∞; this floor keeps paths finite (equity 1e-12 ≈ 0). */
const LOG_FLOOR = Math.log(1e-12);

/**
 * Percentile bands of bootstrapped equity paths, for a Monte-Carlo fan chart: `paths` paths of
 * stationary-bootstrap resamples (Politis & Romano 1994) of the strategy's per-period simple returns,
 * drawn with the Monte-Carlo engine's Philox streams (the same seed gives the same fan everywhere),
 * and at every step the 5/25/50/75/95 % quantiles (Hyndman–Fan type 7) of equity across paths.
 *
 * @example
 * equityFan(result.returns, { paths: 500, seed: 1 }).bands[2]; // the median path
 */
export function equityFan(returns: Float64Array, options: EquityFanOptions): EquityFan {
	const steps = options.steps ?? returns.length;
	const { paths, seed } = options;
	const logs = returns.map((r) => (r > -1 ? Math.log1p(r) : LOG_FLOOR));
	const model = resolveConfig({
		model: {
			kind: 'bootstrap',
			returns: logs,
			meanBlockLength: options.meanBlockLength ?? Math.max(1, Math.cbrt(returns.length))
		},
		paths,
		steps,
		seed
	});
	if (!model.ok) throw new RangeError(`equityFan: ${model.message}`);
	// Column-major by step: the quantiles of one step read one contiguous run of `paths` values.
	const byStep = new Float64Array(paths * steps);
	const path = new Float64Array(steps);
	for (let p = 0; p < paths; p++) {
		pathReturns(model.value, seed >>> 0, 0, p, path);
		let log = 0;
		for (let s = 0; s < steps; s++) {
			log += path[s];
			byStep[s * paths + p] = Math.exp(log);
		}
	}
	const bands = FAN_LEVELS.map(() => new Float64Array(steps + 1).fill(1));
	for (let s = 0; s < steps; s++) {
		const column = byStep.subarray(s * paths, (s + 1) * paths).sort();
		FAN_LEVELS.forEach((level, k) => (bands[k][s + 1] = sortedQuantile(column, level)));
	}
	return { bands, levels: FAN_LEVELS, paths, steps };
}
