/**
 * A running sum over the last `window` values, bar by bar, with the exact arithmetic of the batch
 * `rollingMean()` in `core/features/rolling-mean.ts`: Neumaier-compensated add of the new value, then
 * subtract of the value leaving the window (a plain running sum keeps every rounding error it ever
 * made; see that file for the measurement). O(1) per value.
 *
 * A non-finite input empties the window (the sum is NaN until `window` finite values follow).
 *
 * @example
 * const s = new RollingSumState(2);
 * [1, 2, 3].map((x) => s.next(x)); // [NaN, 3, 5]
 */
export class RollingSumState {
	readonly window: number;
	#buf: Float64Array;
	#pos = 0;
	#count = 0;
	#sum = 0;
	#c = 0;

	constructor(window: number) {
		this.window = window;
		this.#buf = new Float64Array(window);
	}

	/** Adds `x`; returns the window's sum, NaN until the window is full. */
	next(x: number): number {
		if (!Number.isFinite(x)) {
			this.#count = 0;
			this.#pos = 0;
			this.#sum = 0;
			this.#c = 0;
			return NaN;
		}
		let sum = this.#sum;
		let t = sum + x;
		this.#c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
		sum = t;
		if (this.#count >= this.window) {
			const old = -this.#buf[this.#pos];
			t = sum + old;
			this.#c += Math.abs(sum) >= Math.abs(old) ? sum - t + old : old - t + sum;
			sum = t;
		} else {
			this.#count++;
		}
		this.#sum = sum;
		this.#buf[this.#pos] = x;
		this.#pos = this.#pos + 1 === this.window ? 0 : this.#pos + 1;
		return this.#count >= this.window ? sum + this.#c : NaN;
	}

	/** Adds `x`; returns the window's mean exactly as `rollingMean()` rounds it. */
	nextMean(x: number): number {
		return this.next(x) / this.window;
	}
}
