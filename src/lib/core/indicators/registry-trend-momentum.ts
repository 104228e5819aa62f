/** The trend & momentum indicators (issue #3), in the order the feature reference lists them. */
import type { IndicatorDef } from './indicator';
import { cci } from './momentum/cci';
import { momentum } from './momentum/momentum';
import { roc } from './momentum/roc';
import { rsi } from './momentum/rsi';
import { stoch } from './momentum/stoch';
import { trix } from './momentum/trix';
import { ultimateOscillator } from './momentum/ultimate-oscillator';
import { williamsR } from './momentum/williams-r';
import { adx } from './trend/adx';
import { aroon } from './trend/aroon';
import { dema } from './trend/dema';
import { ema } from './trend/ema';
import { kama } from './trend/kama';
import { macd } from './trend/macd';
import { sma } from './trend/sma';
import { tema } from './trend/tema';
import { wma } from './trend/wma';

export const TREND_MOMENTUM: readonly IndicatorDef[] = [
	sma,
	ema,
	wma,
	dema,
	tema,
	kama,
	macd,
	adx,
	aroon,
	rsi,
	stoch,
	williamsR,
	cci,
	roc,
	momentum,
	trix,
	ultimateOscillator
];
