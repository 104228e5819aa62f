import { ema } from '../../features/ema';
import { emaCascade } from '../trend/ema-cascade';
import type { Bar } from '../indicator';
import { defineIndicator, type Kernel } from '../trend/define-indicator';
import { EmaState } from '../trend/ema-state';
import { intParam } from '../trend/int-param';

class TrixKernel implements Kernel {
	#e1: EmaState;
	#e2: EmaState;
	#e3: EmaState;
	#signal: EmaState;
	#prev = NaN;

	constructor(n: number, signal: number) {
		this.#e1 = new EmaState(n);
		this.#e2 = new EmaState(n);
		this.#e3 = new EmaState(n);
		this.#signal = new EmaState(signal);
	}

	step(bar: Bar, out: Float64Array): void {
		const e = this.#e3.next(this.#e2.next(this.#e1.next(bar.close)));
		const t = 100 * (e / this.#prev - 1);
		this.#prev = e;
		out[0] = t;
		out[1] = this.#signal.next(t);
	}
}

/**
 * TRIX (Hutson 1983, "Good TRIX", Technical Analysis of Stocks & Commodities 1(5)): the one-bar
 * percent change of a triple EMA, and its EMA signal line. Every EMA is seeded with the SMA of its
 * first n defined inputs (TTR's `TRIX(percent = TRUE)`; TA-Lib's TRIX has no signal line).
 */
export const trix = defineIndicator({
	id: 'trix',
	name: 'TRIX (Hutson)',
	category: 'momentum',
	inputs: ['close'],
	params: [
		intParam('n', 20, 'Span of each of the three EMAs (TTR default 20).'),
		intParam('signal', 9, 'Signal EMA span (TTR default 9).')
	],
	outputs: ['trix', 'signal'],
	warmup: (p) => 3 * (p.n - 1) + 1 + p.signal - 1,
	kernel: (p) => new TrixKernel(p.n, p.signal),
	batch(s, p) {
		// The triple EMA, then its one-bar percent change in place (row 0 has no previous: NaN).
		const t = emaCascade(s.close, p.n, 'e3');
		let prev = NaN;
		for (let i = 0; i < t.length; i++) {
			const e = t[i];
			t[i] = 100 * (e / prev - 1);
			prev = e;
		}
		return [t, ema(t, p.signal)];
	},
	definition:
		'E₃ = EMAₙ(EMAₙ(EMAₙ(C))); TRIX = 100 (E₃ₜ / E₃ₜ₋₁ − 1); signal = EMA_signal(TRIX). Both outputs start together: warm-up 3(n − 1) + 1 + (signal − 1) bars.',
	reference:
		'Hutson 1983, TASC 1(5). Tested against TTR::TRIX on the TTR ttrc daily dataset; the signal against TTR::EMA(TRIX, signal), because TTR 0.24 smooths its own signal with n instead of nSig (scripts/fixtures/ttr-trend-momentum.R).'
});
