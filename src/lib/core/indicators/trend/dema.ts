import { emaCascade } from './ema-cascade';
import { defineIndicator } from './define-indicator';
import { EmaState } from './ema-state';
import { intParam } from './int-param';

/**
 * Double exponential moving average (Mulloy 1994, "Smoothing Data with Faster Moving Averages",
 * Technical Analysis of Stocks & Commodities 12(1)): 2·EMA − EMA(EMA), each EMA seeded with the SMA
 * of its first n defined inputs (TTR's DEMA with v = 1; TA-Lib's DEMA).
 */
export const dema = defineIndicator({
	id: 'dema',
	name: 'Double Exponential Moving Average (Mulloy)',
	category: 'trend',
	inputs: ['close'],
	params: [intParam('n', 10, 'EMA span n (TTR default 10).')],
	outputs: ['dema'],
	warmup: (p) => 2 * (p.n - 1),
	kernel(p) {
		const e1 = new EmaState(p.n);
		const e2 = new EmaState(p.n);
		return {
			step(bar, out) {
				const a = e1.next(bar.close);
				out[0] = 2 * a - e2.next(a);
			}
		};
	},
	batch: (s, p) => [emaCascade(s.close, p.n, 'dema')],
	definition:
		'E₁ = EMAₙ(C), E₂ = EMAₙ(E₁) (seeded on E₁’s first n values); DEMA = 2·E₁ − E₂. Warm-up 2(n − 1) bars.',
	reference:
		'Mulloy 1994, TASC 12(1); TA-Lib DEMA. Tested against TTR::DEMA on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
