import type { IndicatorDef } from '../indicator';
import { TrueRangeStream } from './true-range-stream';

/**
 * True range, Wilder (1978): the bar's range extended to the previous close, so gaps count.
 *
 * @example
 * trueRange.compute(series, {})[0]; // [NaN, max(H₁, C₀) − min(L₁, C₀), …]
 */
export const trueRange: IndicatorDef = {
	id: 'true_range',
	name: 'True range',
	category: 'volatility',
	inputs: ['high', 'low', 'close'],
	params: [],
	outputs: ['tr'],
	warmup: () => 1,
	compute(series) {
		const tr = new TrueRangeStream();
		const out = new Float64Array(series.close.length);
		for (let i = 0; i < out.length; i++) {
			out[i] = tr.next(series.high[i], series.low[i], series.close[i]);
		}
		return [out];
	},
	stream() {
		const tr = new TrueRangeStream();
		return { update: (bar) => Float64Array.of(tr.next(bar.high, bar.low, bar.close)) };
	},
	definition:
		'TRₜ = max(Hₜ, Cₜ₋₁) − min(Lₜ, Cₜ₋₁) = max(Hₜ − Lₜ, |Hₜ − Cₜ₋₁|, |Lₜ − Cₜ₋₁|). NaN on the ' +
		'first bar (as TTR and TA-Lib TRANGE).',
	reference:
		'Wilder (1978), New Concepts in Technical Trading Systems, ch. 3; tested against TTR 0.24 ' +
		'ATR()[, "tr"].'
};
