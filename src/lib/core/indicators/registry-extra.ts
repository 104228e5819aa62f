/**
 * The spectral, regime and calendar indicators (`EXTRA`, plain `IndicatorDef`s) and the
 * two-series relation indicators (`RELATIONS`, which take a second close series).
 */
import { calendarFeatures } from './calendar/calendar-features';
import type { IndicatorDef, RelationDef } from './indicator';
import { hmmRegime } from './regime/hmm-regime';
import { volRegime } from './regime/vol-regime';
import { rollingBeta } from './relation/rolling-beta';
import { rollingCorrelation } from './relation/rolling-correlation';
import { fftBandEnergy } from './spectral/fft-band-energy';
import { waveletDb4 } from './spectral/wavelet-db4';
import { waveletHaar } from './spectral/wavelet-haar';

export const EXTRA: readonly IndicatorDef[] = [
	fftBandEnergy,
	waveletHaar,
	waveletDb4,
	volRegime,
	hmmRegime,
	calendarFeatures
];

export const RELATIONS: readonly RelationDef[] = [rollingCorrelation, rollingBeta];
