/**
 * What to compute, as data: a discriminated union that crosses workers, is stored with a feature set,
 * and round-trips through a stable name (see `featureName` and `parseFeatureName`).
 *
 * `source` picks the input column. It defaults to `'close'` for every kind, so `rolling_mean_20` is the
 * classic SMA(20) of price, as in every TA library, and a name never changes meaning. Rolling statistics
 * of *log returns* are what a model usually wants (stationary, scale-free): `DEFAULT_FEATURES` asks for
 * them explicitly with `source: 'log_return'`.
 *
 * @example
 * const specs: FeatureSpec[] = [{ kind: 'log_return' }, { kind: 'ema', period: 12 }];
 */
export type FeatureSource = 'close' | 'log_return';

export const FEATURE_SOURCES: readonly FeatureSource[] = ['close', 'log_return'];

export type FeatureSpec =
	| { kind: 'log_return' }
	| { kind: 'rolling_mean'; window: number; source?: FeatureSource }
	| { kind: 'rolling_std'; window: number; source?: FeatureSource }
	| { kind: 'ema'; period: number; source?: FeatureSource };

export type FeatureKind = FeatureSpec['kind'];

/** The input column of a spec; `log_return` reads close prices. */
export const sourceOf = (spec: FeatureSpec): FeatureSource =>
	spec.kind === 'log_return' ? 'close' : (spec.source ?? 'close');
