/**
 * The value `lag` bars ago, by a ring buffer: next(x) returns x[t − lag] (NaN for the first `lag`
 * values). Inputs must be finite; callers restart with a fresh state after a gap.
 *
 * @example
 * const l = new LagState(1);
 * [1, 2, 3].map((x) => l.next(x)); // [NaN, 1, 2]
 */
export class LagState {
	#buf: Float64Array;
	#pos = 0;
	#count = 0;

	constructor(lag: number) {
		this.#buf = new Float64Array(lag);
	}

	next(x: number): number {
		const lag = this.#buf.length;
		const old = this.#count >= lag ? this.#buf[this.#pos] : NaN;
		if (this.#count < lag) this.#count++;
		this.#buf[this.#pos] = x;
		this.#pos = this.#pos + 1 === lag ? 0 : this.#pos + 1;
		return old;
	}
}
