/**
 * Mid-rank percentile of a value among every value added before it (an expanding, never-forgetting
 * empirical CDF): p = (#{v < x} + ½ #{v = x}) / n.
 *
 * Values live in a list of sorted chunks (at most `MAX_CHUNK` each, split in two when full), so
 * `add` moves at most one chunk's values instead of the whole history: O(√n)-ish per call rather
 * than O(n). One flat sorted array made `vol_regime` quadratic — about 50 s over 1M bars.
 *
 * @example
 * const r = new ExpandingRank();
 * [1, 2, 3, 4].forEach((v) => r.add(v));
 * r.rank(2.5); // 0.5
 */
const MAX_CHUNK = 2048;

/** First index in a[0..size) whose value is ≥ x (strict = false) or > x (strict = true). */
function bound(a: Float64Array, size: number, x: number, strict: boolean): number {
	let lo = 0;
	let hi = size;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		const v = a[mid];
		if (v < x || (strict && v === x)) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export class ExpandingRank {
	private chunks: Float64Array[] = [];
	private sizes: number[] = [];
	private n = 0;

	get size(): number {
		return this.n;
	}

	/** How many values are < x (strict = false) or ≤ x (strict = true). */
	private count(x: number, strict: boolean): number {
		let total = 0;
		for (let c = 0; c < this.chunks.length; c++) {
			const size = this.sizes[c];
			const last = this.chunks[c][size - 1];
			if (last < x || (strict && last === x)) total += size;
			else return total + bound(this.chunks[c], size, x, strict);
		}
		return total;
	}

	/** Mid-rank percentile of x among the values added so far (NaN when none). */
	rank(x: number): number {
		if (this.n === 0) return NaN;
		const below = this.count(x, false);
		const equal = this.count(x, true) - below;
		return (below + 0.5 * equal) / this.n;
	}

	add(x: number): void {
		if (this.chunks.length === 0) {
			this.chunks.push(new Float64Array(MAX_CHUNK));
			this.sizes.push(0);
		}
		// The first chunk whose last value is > x takes it (after any equal values); else the last chunk.
		let c = 0;
		while (c < this.chunks.length - 1 && this.chunks[c][this.sizes[c] - 1] <= x) c++;
		const a = this.chunks[c];
		const size = this.sizes[c];
		const at = bound(a, size, x, true);
		a.copyWithin(at + 1, at, size);
		a[at] = x;
		this.sizes[c] = size + 1;
		this.n++;
		if (this.sizes[c] === MAX_CHUNK) this.split(c);
	}

	private split(c: number): void {
		const half = MAX_CHUNK >>> 1;
		const upper = new Float64Array(MAX_CHUNK);
		upper.set(this.chunks[c].subarray(half, MAX_CHUNK));
		this.chunks.splice(c + 1, 0, upper);
		this.sizes.splice(c + 1, 0, MAX_CHUNK - half);
		this.sizes[c] = half;
	}
}
