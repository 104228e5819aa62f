import { rollingMean } from '../../features/rolling-mean';
import { defineIndicator } from './define-indicator';
import { intParam } from './int-param';
import { RollingSumState } from './rolling-sum-state';

/**
 * Simple moving average of the close (the arithmetic mean of the last n closes).
 * Batch path: `rollingMean` (Neumaier-compensated running sum); stream: the same arithmetic.
 */
export const sma = defineIndicator({
	id: 'sma',
	name: 'Simple Moving Average',
	category: 'trend',
	inputs: ['close'],
	params: [intParam('n', 10, 'Bars averaged (TTR default 10).')],
	outputs: ['sma'],
	warmup: (p) => p.n - 1,
	kernel(p) {
		const sum = new RollingSumState(p.n);
		return {
			step(bar, out) {
				out[0] = sum.nextMean(bar.close);
			}
		};
	},
	batch: (s, p) => [rollingMean(s.close, p.n)],
	definition: 'SMAₜ = (Cₜ₋ₙ₊₁ + … + Cₜ) / n. Warm-up n − 1 bars.',
	reference:
		'TA-Lib SMA (ta_SMA.c); tested against TTR::SMA on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
