import type { IndicatorDef } from '../indicator';
import { atrPeriodParam } from './atr-period';
import { AtrStream } from './atr-stream';

/**
 * Average true range (Wilder, 14): Wilder-smoothed true range. O(1) per bar.
 *
 * @example
 * atr.compute(series, { period: 14 })[0]; // first value at bar 14
 */
export const atr: IndicatorDef = {
	id: 'atr',
	name: 'Average true range (Wilder)',
	category: 'volatility',
	inputs: ['high', 'low', 'close'],
	params: [atrPeriodParam('period', 14)],
	outputs: ['atr'],
	warmup: (p) => p.period,
	compute(series, p) {
		const k = new AtrStream(p.period);
		const out = new Float64Array(series.close.length);
		for (let i = 0; i < out.length; i++) {
			out[i] = k.next(series.high[i], series.low[i], series.close[i]);
		}
		return [out];
	},
	stream(p) {
		const k = new AtrStream(p.period);
		return { update: (bar) => Float64Array.of(k.nextBar(bar)) };
	},
	definition:
		'ATRₙ = mean(TR₁ … TRₙ); ATRₜ = ATRₜ₋₁ + (TRₜ − ATRₜ₋₁) / n. TR is NaN on bar 0, so the ' +
		'first ATR is at bar n. A missing bar restarts the seed.',
	reference:
		'Wilder (1978), New Concepts in Technical Trading Systems, ch. 3; TA-Lib ATR; tested ' +
		'against TTR 0.24 ATR()[, "atr"].'
};
