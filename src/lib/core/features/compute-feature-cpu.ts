import { ema } from './ema';
import type { FeatureSpec } from './feature-spec';
import { rollingMean } from './rolling-mean';
import { rollingStd } from './rolling-std';

/**
 * One feature column in Float64 from its already-resolved source column (close prices for
 * `log_return`, whose caller passes the log returns themselves).
 */
export function computeFeatureCpu(spec: FeatureSpec, source: Float64Array): Float64Array {
	switch (spec.kind) {
		case 'log_return':
			return source;
		case 'rolling_mean':
			return rollingMean(source, spec.window);
		case 'rolling_std':
			return rollingStd(source, spec.window);
		case 'ema':
			return ema(source, spec.period);
	}
}
