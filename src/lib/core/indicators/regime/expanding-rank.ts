/**
 * Mid-rank percentile of a value among every value added before it (an expanding, never-forgetting
 * empirical CDF): p = (#{v < x} + ½ #{v = x}) / n. Values are kept sorted in a growing buffer;
 * `rank` is O(log n), `add` O(n) moves (a copyWithin), O(n) memory.
 *
 * @example
 * const r = new ExpandingRank();
 * [1, 2, 3, 4].forEach((v) => r.add(v));
 * r.rank(2.5); // 0.5
 */
export class ExpandingRank {
	private sorted = new Float64Array(256);
	private n = 0;

	get size(): number {
		return this.n;
	}

	/** First index whose value is ≥ x (strict = false) or > x (strict = true). */
	private bound(x: number, strict: boolean): number {
		let lo = 0;
		let hi = this.n;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			const v = this.sorted[mid];
			if (v < x || (strict && v === x)) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** Mid-rank percentile of x among the values added so far (NaN when none). */
	rank(x: number): number {
		const below = this.bound(x, false);
		const equal = this.bound(x, true) - below;
		return this.n > 0 ? (below + 0.5 * equal) / this.n : NaN;
	}

	add(x: number): void {
		if (this.n === this.sorted.length) {
			const grown = new Float64Array(2 * this.n);
			grown.set(this.sorted);
			this.sorted = grown;
		}
		const at = this.bound(x, true);
		this.sorted.copyWithin(at + 1, at, this.n);
		this.sorted[at] = x;
		this.n++;
	}
}
