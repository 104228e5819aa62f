import { err, ok, type Result } from '../result';
import { FEATURE_SOURCES, type FeatureSpec } from './feature-spec';

/** Windows and periods above this are almost surely a typo (≈ 40 years of daily bars). */
export const MAX_FEATURE_WINDOW = 10_000;

/**
 * Checks a spec that came from outside (a CLI flag, a stored record, a worker message).
 * Windows and periods are integers in [1, 10 000]; `rolling_std` needs a window of at least 2
 * because it is the sample standard deviation (divides by n − 1).
 *
 * @example
 * validateFeatureSpec({ kind: 'rolling_std', window: 1 }); // err('bad_input', …)
 */
export function validateFeatureSpec(spec: FeatureSpec): Result<FeatureSpec> {
	if (spec.kind === 'log_return') return ok(spec);
	if (spec.kind !== 'rolling_mean' && spec.kind !== 'rolling_std' && spec.kind !== 'ema') {
		return err('bad_input', `Unknown feature kind "${String((spec as { kind: unknown }).kind)}".`);
	}
	const label = spec.kind === 'ema' ? 'period' : 'window';
	const size = spec.kind === 'ema' ? spec.period : spec.window;
	const min = spec.kind === 'rolling_std' ? 2 : 1;
	if (!Number.isInteger(size) || size < min || size > MAX_FEATURE_WINDOW) {
		return err(
			'bad_input',
			`${spec.kind} needs an integer ${label} between ${min} and ${MAX_FEATURE_WINDOW}; got ${String(size)}.`
		);
	}
	if (spec.source !== undefined && !FEATURE_SOURCES.includes(spec.source)) {
		return err('bad_input', `Unknown source "${String(spec.source)}"; use close or log_return.`);
	}
	return ok(spec);
}
