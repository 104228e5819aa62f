/**
 * One exponential moving average, bar by bar, with the exact arithmetic of the batch `ema()` in
 * `core/features/ema.ts` (SMA seed over the first `period` values, then e += α (x − e)), so a stream
 * and a batch column agree to the last bit. α defaults to 2 / (period + 1); Wilder's smoothing
 * (RSI, ADX) passes α = 1 / period.
 *
 * A non-finite input returns NaN and restarts the warm-up, as `ema()` does.
 *
 * @example
 * const e = new EmaState(2);
 * [1, 2, 3].map((x) => e.next(x)); // [NaN, 1.5, 2.5]
 */
export class EmaState {
	readonly period: number;
	readonly alpha: number;
	#count = 0;
	#seed = 0;
	#e = 0;

	constructor(period: number, alpha = 2 / (period + 1)) {
		this.period = period;
		this.alpha = alpha;
	}

	next(x: number): number {
		if (!Number.isFinite(x)) {
			this.#count = 0;
			this.#seed = 0;
			return NaN;
		}
		if (this.#count < this.period) {
			this.#seed += x;
			this.#count++;
			if (this.#count < this.period) return NaN;
			this.#e = this.#seed / this.period;
		} else {
			this.#e += this.alpha * (x - this.#e);
		}
		return this.#e;
	}
}
