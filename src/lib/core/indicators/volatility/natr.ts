import type { IndicatorDef } from '../indicator';
import { atrPeriodParam } from './atr-period';
import { AtrStream } from './atr-stream';

/** ATR as a percentage of the close, so it compares across price levels (TA-Lib NATR). */
const natrStep = (k: AtrStream, h: number, l: number, c: number): number =>
	(100 * k.next(h, l, c)) / c;

/** Normalised average true range: 100 · ATR / close (TA-Lib NATR). */
export const natr: IndicatorDef = {
	id: 'natr',
	name: 'Normalised average true range',
	category: 'volatility',
	inputs: ['high', 'low', 'close'],
	params: [atrPeriodParam('period', 14)],
	outputs: ['natr'],
	warmup: (p) => p.period,
	compute(series, p) {
		const k = new AtrStream(p.period);
		const out = new Float64Array(series.close.length);
		for (let i = 0; i < out.length; i++) {
			out[i] = natrStep(k, series.high[i], series.low[i], series.close[i]);
		}
		return [out];
	},
	stream(p) {
		const k = new AtrStream(p.period);
		return { update: (b) => Float64Array.of(natrStep(k, b.high, b.low, b.close)) };
	},
	definition: 'NATRₜ = 100 · ATRₜ / Cₜ (Wilder ATR, see `atr`).',
	reference:
		'TA-Lib NATR (Forman 2006, "Cross-market evaluations with normalized average true range", ' +
		'Technical Analysis of Stocks & Commodities); tested against 100 · TTR ATR / close.'
};
