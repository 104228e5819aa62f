/**
 * The returns, statistics, volatility and volume indicators (issue #3), in the order the feature
 * reference lists them.
 */
import type { IndicatorDef } from './indicator';
import { logReturn } from './statistics/log-return';
import { rollingKurtosis } from './statistics/rolling-kurtosis';
import { rollingMax } from './statistics/rolling-max';
import { rollingMean } from './statistics/rolling-mean';
import { rollingMedian } from './statistics/rolling-median';
import { rollingMin } from './statistics/rolling-min';
import { rollingQuantile } from './statistics/rolling-quantile';
import { rollingSkew } from './statistics/rolling-skew';
import { rollingStd } from './statistics/rolling-std';
import { rollingZscore } from './statistics/rolling-zscore';
import { simpleReturn } from './statistics/simple-return';
import { atr } from './volatility/atr';
import { bollinger } from './volatility/bollinger';
import { keltner } from './volatility/keltner';
import { natr } from './volatility/natr';
import { trueRange } from './volatility/true-range';
import { volCloseToClose } from './volatility/vol-close-to-close';
import { volEwma } from './volatility/vol-ewma';
import { volGarmanKlass } from './volatility/vol-garman-klass';
import { volParkinson } from './volatility/vol-parkinson';
import { volRogersSatchell } from './volatility/vol-rogers-satchell';
import { volYangZhang } from './volatility/vol-yang-zhang';
import { accumulationDistribution } from './volume/accumulation-distribution';
import { chaikinMoneyFlow } from './volume/chaikin-money-flow';
import { mfi } from './volume/mfi';
import { obv } from './volume/obv';
import { volumeZscore } from './volume/volume-zscore';
import { vwapRolling } from './volume/vwap-rolling';

export const VOLATILITY_VOLUME_STATS: readonly IndicatorDef[] = [
	simpleReturn,
	logReturn,
	rollingMean,
	rollingStd,
	rollingMin,
	rollingMax,
	rollingMedian,
	rollingQuantile,
	rollingSkew,
	rollingKurtosis,
	rollingZscore,
	trueRange,
	atr,
	natr,
	bollinger,
	keltner,
	volCloseToClose,
	volParkinson,
	volGarmanKlass,
	volRogersSatchell,
	volYangZhang,
	volEwma,
	obv,
	mfi,
	vwapRolling,
	accumulationDistribution,
	chaikinMoneyFlow,
	volumeZscore
];
