/**
 * Streaming twin of `rollingMean`'s running sum: the Neumaier-compensated sum of the last `window`
 * finite values, with the same operations in the same order (add the new value, then remove the
 * one leaving), so a mean taken from it equals `rollingMean` bit for bit.
 *
 * NaN rule: a non-finite value empties the window; `push` returns NaN until `window` finite values
 * have followed it. O(1) per value.
 *
 * @example
 * const s = new RollingSum(2);
 * [1, 2, 3].map((x) => s.push(x)); // [NaN, 3, 5]
 */
export class RollingSum {
	private readonly window: number;
	private readonly ring: Float64Array;
	private pos = 0;
	private count = 0;
	private sum = 0;
	private c = 0;

	constructor(window: number) {
		this.window = window;
		this.ring = new Float64Array(window);
	}

	push(x: number): number {
		if (!Number.isFinite(x)) {
			this.count = 0;
			this.sum = 0;
			this.c = 0;
			return NaN;
		}
		let sum = this.sum;
		let t = sum + x;
		this.c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
		sum = t;
		if (this.count >= this.window) {
			const old = -this.ring[this.pos];
			t = sum + old;
			this.c += Math.abs(sum) >= Math.abs(old) ? sum - t + old : old - t + sum;
			sum = t;
		} else {
			this.count++;
		}
		this.sum = sum;
		this.ring[this.pos] = x;
		this.pos = this.pos + 1 === this.window ? 0 : this.pos + 1;
		return this.count >= this.window ? sum + this.c : NaN;
	}
}
