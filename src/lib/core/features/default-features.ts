import type { FeatureSpec } from './feature-spec';

/**
 * A small, useful starting set for a sequence model: the log return itself, its 20-bar mean and
 * volatility (scale-free, so comparable across symbols and decades), and the 12/26 EMAs of close
 * (the MACD pair; price-scaled, so normalise them before training).
 */
export const DEFAULT_FEATURES: readonly FeatureSpec[] = [
	{ kind: 'log_return' },
	{ kind: 'rolling_mean', window: 20, source: 'log_return' },
	{ kind: 'rolling_std', window: 20, source: 'log_return' },
	{ kind: 'ema', period: 12 },
	{ kind: 'ema', period: 26 }
];
