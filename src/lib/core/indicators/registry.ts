/**
 * Every indicator AXON ships, in one list: the batch and streaming paths, the feature reference
 * (docs/features.md) and the pipeline designer all read from here.
 */
import type { IndicatorDef, RelationDef } from './indicator';
import { EXTRA, RELATIONS as EXTRA_RELATIONS } from './registry-extra';
import { TREND_MOMENTUM } from './registry-trend-momentum';
import { VOLATILITY_VOLUME_STATS } from './registry-volatility-volume-stats';

/** Single-series indicators. */
export const INDICATORS: readonly IndicatorDef[] = [
	...TREND_MOMENTUM,
	...VOLATILITY_VOLUME_STATS,
	...EXTRA
];

/** Two-series indicators (rolling correlation, beta): computed against a second series' closes. */
export const RELATIONS: readonly RelationDef[] = EXTRA_RELATIONS;

/** The indicator with this id, or undefined. */
export const findIndicator = (id: string): IndicatorDef | undefined =>
	INDICATORS.find((d) => d.id === id);
