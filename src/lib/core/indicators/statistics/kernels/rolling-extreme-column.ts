/**
 * Batch twins of `RollingMaxState` / `RollingExtreme` over rows [start, end) of a column: for each
 * row, the index of the maximum (minimum) of the last `window` values, ties to the most recent row
 * (so `i − index` is the extreme's age, as Aroon needs); −1 until `window` finite values have been
 * seen since the last non-finite one, which empties the window. Row i's index goes to
 * `out[i − offset]`, so a caller can scan a long column chunk by chunk into a small buffer.
 *
 * The streaming kernels keep a monotonic deque (Lemire 2006); a whole column is faster with the van
 * Herk / Gil-Werman block scheme (van Herk 1992; Gil & Werman 1993): cut each finite run into blocks
 * of `window` rows, take running extremes forwards (prefix) and backwards (suffix) inside each block,
 * and every window is one block's suffix joined to the next block's prefix: three comparisons per row
 * whatever the data, against the deque's data-dependent pops (~17 → ~11 ms for 1M bars on the 2-core CI machine).
 * Extremes are exact, and the tie rule is kept at every step (the prefix and the join prefer the
 * later row on equal values, the suffix keeps the later row unless a strictly larger one comes), so
 * the indices are the deque's, row for row.
 *
 * @example
 * const at = new Int32Array(3);
 * rollingMaxIndex(Float64Array.of(1, 3, 2), 0, 3, 2, at); // at = [-1, 1, 1]
 */
export function rollingMaxIndex(
	x: Float64Array,
	start: number,
	end: number,
	window: number,
	out: Int32Array,
	offset = 0
): void {
	forEachFiniteRun(x, start, end, window, out, offset, true);
}

/** As `rollingMaxIndex`, for the minimum (ties to the most recent row). */
export function rollingMinIndex(
	x: Float64Array,
	start: number,
	end: number,
	window: number,
	out: Int32Array,
	offset = 0
): void {
	forEachFiniteRun(x, start, end, window, out, offset, false);
}

/** The values at `at` (NaN where −1): a rolling extreme column from its indices. */
export function gather(x: Float64Array, at: Int32Array): Float64Array {
	const out = new Float64Array(at.length);
	for (let i = 0; i < at.length; i++) out[i] = at[i] < 0 ? NaN : x[at[i]];
	return out;
}

function forEachFiniteRun(
	x: Float64Array,
	start: number,
	end: number,
	window: number,
	out: Int32Array,
	off: number,
	max: boolean
): void {
	// One block's suffix extremes at a time: O(window) scratch, reused by every run.
	const suffix = new Int32Array(window);
	let a = start;
	while (a < end) {
		let b = a;
		while (b < end && x[b] - x[b] === 0) b++; // x − x is 0 exactly when x is finite
		if (b - a < window) out.fill(-1, a - off, b - off);
		else if (max) maxRun(x, a, b, window, out, off, suffix);
		else minRun(x, a, b, window, out, off, suffix);
		if (b < end) out[b - off] = -1;
		a = b + 1;
	}
}

/**
 * One finite run [a, b) of at least `w` rows, block by block: a block's running prefix extreme is
 * joined at once with the previous block's suffix extremes (`suffix[t]`: the extreme of rows
 * s − w + t … s − 1 for the block starting at s), then the block's own suffixes replace them.
 * Choices are bit masks (`take` = −1 or 0) and the running value a Math.max/min: a new extreme
 * arrives at random in a price series, and as branches these choices cost ~4 ns per row in
 * mispredictions. The running value's zero sign is never read: only comparisons use it, and
 * −0 = +0. Separate max and min loops: a comparison chosen per row by a flag cost ~15% here.
 */
function maxRun(
	x: Float64Array,
	a: number,
	b: number,
	w: number,
	out: Int32Array,
	off: number,
	suffix: Int32Array
): void {
	out.fill(-1, a - off, a + w - 1 - off);
	for (let s = a; s < b; s += w) {
		const e = Math.min(s + w, b);
		let at = s;
		let best = x[s];
		for (let i = s; i < e; i++) {
			const v = x[i];
			const take = -(v >= best) | 0;
			at = (at & ~take) | (i & take);
			best = Math.max(best, v);
			const t = i - s + 1; // the window's first row is s − w + t
			// t = w: the window is this whole block.
			if (t === w) out[i - off] = at;
			else if (s > a) {
				const q = suffix[t];
				const later = -(x[at] >= x[q]) | 0;
				out[i - off] = (at & later) | (q & ~later);
			}
		}
		if (e === b) break;
		at = e - 1;
		best = x[at];
		for (let j = e - 1; j >= s; j--) {
			const v = x[j];
			const take = -(v > best) | 0;
			at = (at & ~take) | (j & take);
			best = Math.max(best, v);
			suffix[j - s] = at;
		}
	}
}

function minRun(
	x: Float64Array,
	a: number,
	b: number,
	w: number,
	out: Int32Array,
	off: number,
	suffix: Int32Array
): void {
	out.fill(-1, a - off, a + w - 1 - off);
	for (let s = a; s < b; s += w) {
		const e = Math.min(s + w, b);
		let at = s;
		let best = x[s];
		for (let i = s; i < e; i++) {
			const v = x[i];
			const take = -(v <= best) | 0;
			at = (at & ~take) | (i & take);
			best = Math.min(best, v);
			const t = i - s + 1;
			if (t === w) out[i - off] = at;
			else if (s > a) {
				const q = suffix[t];
				const later = -(x[at] <= x[q]) | 0;
				out[i - off] = (at & later) | (q & ~later);
			}
		}
		if (e === b) break;
		at = e - 1;
		best = x[at];
		for (let j = e - 1; j >= s; j--) {
			const v = x[j];
			const take = -(v < best) | 0;
			at = (at & ~take) | (j & take);
			best = Math.min(best, v);
			suffix[j - s] = at;
		}
	}
}

/** Rows per chunk in `highLowChunks`: two Int32 buffers of this size stay in the L2 cache. */
const CHUNK = 1 << 15;

/**
 * The rolling max-of-high and min-of-low indices over rows [start, end), chunk by chunk into two
 * small buffers instead of two full-length columns (whose first touch cost more than the scan on
 * 1M rows): `visit(hi, lo, from, cs, ce)` gets row i's indices at hi[i − from] and lo[i − from]
 * for i in [cs, ce). Each chunk is scanned from `window − 1` rows before it, so every window is
 * whole and the indices are those of one scan over [start, end).
 */
export function highLowChunks(
	high: Float64Array,
	low: Float64Array,
	start: number,
	end: number,
	window: number,
	visit: (hi: Int32Array, lo: Int32Array, from: number, cs: number, ce: number) => void
): void {
	const size = Math.min(end - start, CHUNK) + window;
	const hi = new Int32Array(size);
	const lo = new Int32Array(size);
	for (let cs = start; cs < end; cs += CHUNK) {
		const ce = Math.min(cs + CHUNK, end);
		const from = Math.max(start, cs - window + 1);
		rollingMaxIndex(high, from, ce, window, hi, from);
		rollingMinIndex(low, from, ce, window, lo, from);
		visit(hi, lo, from, cs, ce);
	}
}
