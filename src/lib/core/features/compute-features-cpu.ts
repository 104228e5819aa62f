import type { OhlcvSeries } from '../ohlcv';
import { computeFeatureCpu } from './compute-feature-cpu';
import { featureName } from './feature-name';
import type { FeatureMatrix } from './feature-matrix';
import { sourceOf, type FeatureSpec } from './feature-spec';
import { logReturn } from './log-return';
import { maxWarmup } from './warmup';

/**
 * The CPU twin of the WebGPU feature kernels: every spec computed in Float64 from the series' close
 * prices, then stored as Float32. Log returns are computed once and shared by every spec that uses
 * them. Throws RangeError for an invalid window (check user input with `validateFeatureSpec`).
 *
 * @example
 * const m = computeFeaturesCpu(series, DEFAULT_FEATURES);
 * m.names; // ['log_return', 'rolling_mean_20_log_return', …]
 */
export function computeFeaturesCpu(
	series: OhlcvSeries,
	specs: readonly FeatureSpec[]
): FeatureMatrix {
	let returns: Float64Array | null = null;
	const logReturns = () => (returns ??= logReturn(series.close));
	const columns = specs.map((spec) => {
		const source =
			spec.kind === 'log_return' || sourceOf(spec) === 'log_return' ? logReturns() : series.close;
		return new Float32Array(computeFeatureCpu(spec, source));
	});
	return {
		names: specs.map(featureName),
		columns,
		length: series.close.length,
		warmup: maxWarmup(specs)
	};
}
