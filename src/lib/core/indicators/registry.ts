/**
 * Every indicator AXON ships, in one list: the batch and streaming paths, the feature reference
 * (docs/features.md) and the pipeline designer all read from here.
 */
import type { IndicatorDef } from './indicator';
import { TREND_MOMENTUM } from './registry-trend-momentum';
import { VOLATILITY_VOLUME_STATS } from './registry-volatility-volume-stats';

export const INDICATORS: readonly IndicatorDef[] = [...TREND_MOMENTUM, ...VOLATILITY_VOLUME_STATS];

/** The indicator with this id, or undefined. */
export const findIndicator = (id: string): IndicatorDef | undefined =>
	INDICATORS.find((d) => d.id === id);
