import type { FeatureSpec } from './feature-spec';

/**
 * The stable column name of a spec: `log_return`, `rolling_mean_20`, `rolling_std_20_log_return`,
 * `ema_12`. The default source (`close`) is left out, so each spec has exactly one name and
 * `parseFeatureName(featureName(s))` gives `s` back.
 *
 * @example
 * featureName({ kind: 'rolling_std', window: 20, source: 'log_return' }); // 'rolling_std_20_log_return'
 */
export function featureName(spec: FeatureSpec): string {
	if (spec.kind === 'log_return') return 'log_return';
	const size = spec.kind === 'ema' ? spec.period : spec.window;
	const suffix = spec.source === 'log_return' ? '_log_return' : '';
	return `${spec.kind}_${size}${suffix}`;
}
