import { sourceOf, type FeatureSpec } from './feature-spec';

/**
 * How many leading rows of a feature are NaN on a series with no missing values.
 *
 * `log_return` needs one previous close (1 row). A rolling window of `w` and an EMA of period `p`
 * (seeded by an SMA of `p` values) first have a value at row `w - 1` / `p - 1` of their source;
 * a `log_return` source shifts that by its own 1 row.
 *
 * @example
 * warmup({ kind: 'ema', period: 12 }); // 11
 * warmup({ kind: 'rolling_std', window: 20, source: 'log_return' }); // 20
 */
export function warmup(spec: FeatureSpec): number {
	if (spec.kind === 'log_return') return 1;
	const size = spec.kind === 'ema' ? spec.period : spec.window;
	return size - 1 + (sourceOf(spec) === 'log_return' ? 1 : 0);
}

/** The matrix warm-up: the largest `warmup` over `specs` (0 for none). */
export const maxWarmup = (specs: readonly FeatureSpec[]): number =>
	specs.reduce((w, s) => Math.max(w, warmup(s)), 0);
