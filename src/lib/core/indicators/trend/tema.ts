import { defineIndicator } from './define-indicator';
import { emaCascade } from './ema-cascade';
import { EmaState } from './ema-state';
import { intParam } from './int-param';

/**
 * Triple exponential moving average (Mulloy 1994, "Smoothing Data with Less Lag", Technical
 * Analysis of Stocks & Commodities 12(2)): 3·E₁ − 3·E₂ + E₃ with E₂ = EMA(E₁), E₃ = EMA(E₂), each
 * seeded with the SMA of its first n defined inputs (TA-Lib's TEMA).
 */
export const tema = defineIndicator({
	id: 'tema',
	name: 'Triple Exponential Moving Average (Mulloy)',
	category: 'trend',
	inputs: ['close'],
	params: [intParam('n', 10, 'EMA span n (TTR default 10).')],
	outputs: ['tema'],
	warmup: (p) => 3 * (p.n - 1),
	kernel(p) {
		const e1 = new EmaState(p.n);
		const e2 = new EmaState(p.n);
		const e3 = new EmaState(p.n);
		return {
			step(bar, out) {
				const a = e1.next(bar.close);
				const b = e2.next(a);
				out[0] = 3 * a - 3 * b + e3.next(b);
			}
		};
	},
	batch: (s, p) => [emaCascade(s.close, p.n, 'tema')],
	definition:
		'E₁ = EMAₙ(C), E₂ = EMAₙ(E₁), E₃ = EMAₙ(E₂); TEMA = 3·E₁ − 3·E₂ + E₃. Warm-up 3(n − 1) bars.',
	reference:
		'Mulloy 1994, TASC 12(2); TA-Lib TEMA. TTR 0.24 has no TEMA: tested against 3·EMA − 3·EMA² + EMA³ built from TTR::EMA on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
