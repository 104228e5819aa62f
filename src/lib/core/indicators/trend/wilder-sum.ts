/**
 * Wilder's running sum as TTR's `wilderSum` computes it: the first n − 1 values are summed, then
 * Sₜ = xₜ + Sₜ₋₁ · (n − 1) / n from the n-th value on (Wilder 1978; equals n × Wilder's average,
 * TA-Lib's +DM/−DM/TR seeding). NaN until n values were seen. Inputs must be finite; callers
 * restart with a fresh state after a gap.
 *
 * @example
 * const s = new WilderSumState(3);
 * [1, 2, 3, 4].map((x) => s.next(x)); // [NaN, NaN, 5, 7.333…]
 */
export class WilderSumState {
	readonly n: number;
	#keep: number;
	#count = 0;
	#s = 0;

	constructor(n: number) {
		this.n = n;
		this.#keep = (n - 1) / n;
	}

	next(x: number): number {
		if (this.#count < this.n - 1) {
			this.#s += x;
			this.#count++;
			return NaN;
		}
		this.#s = x + this.#s * this.#keep;
		return this.#s;
	}
}
