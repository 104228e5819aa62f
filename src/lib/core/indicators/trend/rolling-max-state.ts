/**
 * Maximum of the last `window` values and how many bars ago it occurred, by a monotonic deque
 * (Lemire 2006, "Streaming maximum-minimum filter using no more than three comparisons per
 * element"): amortised O(1) per value. Ties go to the most recent bar, as in TTR's `aroon` and
 * TA-Lib's AROON. Minima: feed −x and negate (exact in floating point).
 *
 * Inputs must be finite; callers restart with a fresh state after a gap.
 *
 * @example
 * const m = new RollingMaxState(2);
 * [1, 3, 2].map((x) => m.next(x)); // [NaN, 3, 3]; then m.age === 1
 */
export class RollingMaxState {
	readonly window: number;
	// A power-of-two ring indexed with a bit mask: `%` on these indices cost ~2× the whole update.
	#mask: number;
	#vals: Float64Array;
	#idx: Int32Array;
	#head = 0;
	#tail = 0; // one past the back; head === tail when empty
	#t = -1;
	/** Bars since the current maximum (0: this bar). */
	age = 0;

	constructor(window: number) {
		this.window = window;
		const capacity = 2 ** Math.ceil(Math.log2(window + 1));
		this.#mask = capacity - 1;
		this.#vals = new Float64Array(capacity);
		this.#idx = new Int32Array(capacity);
	}

	/** Adds `x`; returns the window's maximum, NaN until `window` values have been seen. */
	next(x: number): number {
		const mask = this.#mask;
		const vals = this.#vals;
		const t = ++this.#t;
		// Drop the front if it left the window, then everything at the back that x dominates.
		if (this.#head !== this.#tail && this.#idx[this.#head] <= t - this.window) {
			this.#head = (this.#head + 1) & mask;
		}
		let tail = this.#tail;
		while (tail !== this.#head && vals[(tail - 1) & mask] <= x) tail = (tail - 1) & mask;
		vals[tail] = x;
		this.#idx[tail] = t;
		this.#tail = (tail + 1) & mask;
		this.age = t - this.#idx[this.#head];
		return t + 1 >= this.window ? vals[this.#head] : NaN;
	}
}
