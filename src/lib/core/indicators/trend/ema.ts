import { ema as emaColumn } from '../../features/ema';
import { defineIndicator } from './define-indicator';
import { EmaState } from './ema-state';
import { intParam } from './int-param';

/**
 * Exponential moving average of the close, α = 2 / (n + 1), seeded with the SMA of the first n
 * closes (TA-Lib's and TTR's seeding). Batch path: `core/features/ema`; stream: `EmaState`.
 */
export const ema = defineIndicator({
	id: 'ema',
	name: 'Exponential Moving Average',
	category: 'trend',
	inputs: ['close'],
	params: [intParam('n', 10, 'Span n; α = 2 / (n + 1) (TTR default 10).')],
	outputs: ['ema'],
	warmup: (p) => p.n - 1,
	kernel(p) {
		const e = new EmaState(p.n);
		return {
			step(bar, out) {
				out[0] = e.next(bar.close);
			}
		};
	},
	batch: (s, p) => [emaColumn(s.close, p.n)],
	definition:
		'EMAₙ₋₁ = mean(C₀ … Cₙ₋₁); EMAₜ = EMAₜ₋₁ + α (Cₜ − EMAₜ₋₁), α = 2 / (n + 1). Warm-up n − 1 bars.',
	reference:
		'TA-Lib EMA (ta_EMA.c, SMA seed); tested against TTR::EMA on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
