/**
 * Batch twins of `RollingMaxState` / `RollingExtreme` over rows [start, end) of a column: for each
 * row, the index of the maximum (minimum) of the last `window` values, ties to the most recent row
 * (so `i − index` is the extreme's age, as Aroon needs); −1 until `window` finite values have been
 * seen since the last non-finite one, which empties the window. The monotonic deque (Lemire 2006)
 * is an Int32Array stack of row indices: no per-row allocation, O(1) amortised per row.
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
	out: Int32Array
): void {
	// The deque as a plain stack of row indices (a ring's index masking cost ~20% here).
	const dq = new Int32Array(end - start);
	let head = 0;
	let tail = 0;
	let first = start; // the first row of the current finite run
	for (let i = start; i < end; i++) {
		const v = x[i];
		if (!Number.isFinite(v)) {
			head = tail = 0;
			first = i + 1;
			out[i] = -1;
			continue;
		}
		if (head !== tail && dq[head] <= i - window) head++;
		while (tail !== head && x[dq[tail - 1]] <= v) tail--;
		dq[tail++] = i;
		out[i] = i - first + 1 >= window ? dq[head] : -1;
	}
}

/** As `rollingMaxIndex`, for the minimum (ties to the most recent row). */
export function rollingMinIndex(
	x: Float64Array,
	start: number,
	end: number,
	window: number,
	out: Int32Array
): void {
	// The deque as a plain stack of row indices (a ring's index masking cost ~20% here).
	const dq = new Int32Array(end - start);
	let head = 0;
	let tail = 0;
	let first = start;
	for (let i = start; i < end; i++) {
		const v = x[i];
		if (!Number.isFinite(v)) {
			head = tail = 0;
			first = i + 1;
			out[i] = -1;
			continue;
		}
		if (head !== tail && dq[head] <= i - window) head++;
		while (tail !== head && x[dq[tail - 1]] >= v) tail--;
		dq[tail++] = i;
		out[i] = i - first + 1 >= window ? dq[head] : -1;
	}
}

/** The values at `at` (NaN where −1): a rolling extreme column from its indices. */
export function gather(x: Float64Array, at: Int32Array): Float64Array {
	const out = new Float64Array(at.length);
	for (let i = 0; i < at.length; i++) out[i] = at[i] < 0 ? NaN : x[at[i]];
	return out;
}
