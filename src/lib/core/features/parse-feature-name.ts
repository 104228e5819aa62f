import { err, type Result } from '../result';
import type { FeatureSpec } from './feature-spec';
import { validateFeatureSpec } from './validate-feature-spec';

const PATTERN = /^(rolling_mean|rolling_std|ema)_(\d+)(?:_(close|log_return))?$/;

/**
 * The inverse of `featureName`: `ema_12` → `{ kind: 'ema', period: 12 }`. Accepts an explicit
 * `_close` suffix too. Unknown names and invalid sizes are errors with a message that lists the forms.
 *
 * @example
 * parseFeatureName('rolling_std_20_log_return');
 * // ok({ kind: 'rolling_std', window: 20, source: 'log_return' })
 */
export function parseFeatureName(name: string): Result<FeatureSpec> {
	const text = name.trim();
	if (text === 'log_return') return validateFeatureSpec({ kind: 'log_return' });
	const m = PATTERN.exec(text);
	if (!m) {
		return err(
			'bad_input',
			`Unknown feature "${text}". Use log_return, rolling_mean_<w>, rolling_std_<w> or ema_<p>, ` +
				'optionally ending in _log_return (e.g. rolling_std_20_log_return).'
		);
	}
	const size = Number(m[2]);
	const source = m[3] === 'log_return' ? { source: 'log_return' as const } : {};
	const spec: FeatureSpec =
		m[1] === 'ema'
			? { kind: 'ema', period: size, ...source }
			: { kind: m[1] as 'rolling_mean' | 'rolling_std', window: size, ...source };
	return validateFeatureSpec(spec);
}
