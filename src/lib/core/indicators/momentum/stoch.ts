import { defineIndicator } from '../trend/define-indicator';
import { intParam } from '../trend/int-param';
import { RollingMaxState } from '../trend/rolling-max-state';
import { RollingSumState } from '../trend/rolling-sum-state';
import { stochBatch } from './stoch-batch';

/**
 * Stochastic oscillator (Lane 1984, "Lane's Stochastics", Technical Analysis of Stocks & Commodities
 * 2(3)), all three lines of TTR's `stoch`: fast %K over k bars, fast %D = SMA_d(%K) (also called
 * slow %K), slow %D = SMA_slow_d(fast %D). Scaled 0 … 100 like TA-Lib and TradingView (TTR: 0 … 1).
 */
export const stoch = defineIndicator({
	id: 'stoch',
	name: 'Stochastic Oscillator (Lane)',
	category: 'momentum',
	inputs: ['high', 'low', 'close'],
	params: [
		intParam('k', 14, '%K look-back in bars (TTR nFastK 14).'),
		intParam('d', 3, 'SMA length of fast %D (TTR nFastD 3).'),
		intParam('slow_d', 3, 'SMA length of slow %D (TTR nSlowD 3).')
	],
	outputs: ['fast_k', 'fast_d', 'slow_d'],
	warmup: (p) => p.k - 1 + p.d - 1 + p.slow_d - 1,
	kernel(p) {
		const highs = new RollingMaxState(p.k);
		const negLows = new RollingMaxState(p.k);
		const fastD = new RollingSumState(p.d);
		const slowD = new RollingSumState(p.slow_d);
		return {
			step(bar, out) {
				const hh = highs.next(bar.high);
				const ll = -negLows.next(-bar.low);
				const range = hh - ll;
				// A window with no range: 50, as TTR's 0.5 for 0/0.
				const k = range === 0 ? 50 : 100 * ((bar.close - ll) / range);
				const d = fastD.nextMean(k);
				out[0] = k;
				out[1] = d;
				out[2] = slowD.nextMean(d);
			}
		};
	},
	batch: stochBatch,
	definition:
		'fast %K = 100 (Cₜ − LLₖ) / (HHₖ − LLₖ) over the last k bars (50 when HH = LL); fast %D = SMA_d(fast %K); slow %D = SMA_slow_d(fast %D). Range 0 … 100. All outputs start together: warm-up (k − 1) + (d − 1) + (slow_d − 1) bars.',
	reference:
		'Lane 1984, TASC 2(3). Tested against 100 × TTR::stoch (bounded, SMA) on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
