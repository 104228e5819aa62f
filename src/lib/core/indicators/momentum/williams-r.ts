import { defineIndicator } from '../trend/define-indicator';
import { intParam } from '../trend/int-param';
import { RollingMaxState } from '../trend/rolling-max-state';
import { williamsRBatch } from './williams-r-batch';

/**
 * Williams %R (Williams 1979, "How I Made One Million Dollars … Last Year … Trading Commodities"):
 * where the close sits in the n-bar range, −100 at the lowest low and 0 at the highest high — the
 * sign and scale of TA-Lib's WILLR and TradingView. TTR's `WPR` is the same ratio as 0 … 1 with the
 * opposite orientation: %R = −100 × WPR.
 */
export const williamsR = defineIndicator({
	id: 'williams_r',
	name: 'Williams %R',
	category: 'momentum',
	inputs: ['high', 'low', 'close'],
	params: [intParam('n', 14, 'Look-back in bars (TTR and TA-Lib default 14).')],
	outputs: ['williams_r'],
	warmup: (p) => p.n - 1,
	kernel(p) {
		const highs = new RollingMaxState(p.n);
		const negLows = new RollingMaxState(p.n);
		return {
			step(bar, out) {
				const hh = highs.next(bar.high);
				const range = hh + negLows.next(-bar.low);
				// A window with no range: the middle, −50 (TTR's 0.5 for 0/0).
				out[0] = range === 0 ? -50 : -100 * ((hh - bar.close) / range);
			}
		};
	},
	batch: williamsRBatch,
	definition:
		'%R = −100 (HHₙ − Cₜ) / (HHₙ − LLₙ) over the last n bars (−50 when HH = LL). Range −100 … 0. Warm-up n − 1 bars.',
	reference:
		'Williams 1979; TA-Lib WILLR. Tested against −100 × TTR::WPR on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
