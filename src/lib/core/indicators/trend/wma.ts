import type { Bar } from '../indicator';
import { defineIndicator, type Kernel } from './define-indicator';
import { intParam } from './int-param';
import { wmaBatch } from './wma-batch';

/** Mutable state lives in class fields: V8 boxes doubles held in closure variables (3× slower). */
class WmaKernel implements Kernel {
	#n: number;
	#buf: Float64Array;
	#denominator: number;
	#pos = 0; // the oldest value once full
	#count = 0;
	#num = 0;
	#sum = 0;

	constructor(n: number) {
		this.#n = n;
		this.#buf = new Float64Array(n);
		this.#denominator = (n * (n + 1)) / 2;
	}

	step(bar: Bar, out: Float64Array): void {
		const n = this.#n;
		const x = bar.close;
		if (this.#count < n) {
			this.#buf[this.#count++] = x;
			if (this.#count < n) {
				out[0] = NaN;
				return;
			}
			this.#recompute();
		} else {
			this.#num += n * x - this.#sum;
			this.#sum += x - this.#buf[this.#pos];
			this.#buf[this.#pos] = x;
			this.#pos = this.#pos + 1 === n ? 0 : this.#pos + 1;
			if (this.#pos === 0) this.#recompute();
		}
		out[0] = this.#num / this.#denominator;
	}

	#recompute(): void {
		let num = 0;
		let sum = 0;
		for (let i = 0; i < this.#n; i++) {
			const x = this.#buf[(this.#pos + i) % this.#n];
			num += (i + 1) * x;
			sum += x;
		}
		this.#num = num;
		this.#sum = sum;
	}
}

/**
 * Linearly weighted moving average of the close, weights 1 … n (newest heaviest), as TTR's
 * `WMA(x, n, wts = 1:n)` and TA-Lib's WMA.
 *
 * O(1) per bar: the weighted numerator updates as N' = N − S + n·x (every weight drops by one and
 * the new close enters with weight n), S being the plain window sum. Both are recomputed exactly
 * once per n bars so rounding cannot accumulate; batch and stream run this same kernel.
 */
export const wma = defineIndicator({
	id: 'wma',
	name: 'Weighted Moving Average',
	category: 'trend',
	inputs: ['close'],
	params: [intParam('n', 10, 'Bars weighted 1 … n (TTR default 10).')],
	outputs: ['wma'],
	warmup: (p) => p.n - 1,
	kernel: (p) => new WmaKernel(p.n),
	batch: wmaBatch,
	definition: 'WMAₜ = Σᵢ₌₁ⁿ i · Cₜ₋ₙ₊ᵢ / (n (n + 1) / 2). Warm-up n − 1 bars.',
	reference:
		'TA-Lib WMA (ta_WMA.c); tested against TTR::WMA on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
