/**
 * The median of the finite values (NaN when there are none): the middle one, or the mean of the two
 * middle ones. Selects on a copy in O(n) (Hoare's FIND, CACM 4(7), 1961, with a median-of-three
 * pivot) instead of sorting it: the same order statistics, so the same result as sorting.
 *
 * @example
 * median([3, 1, NaN, 2]); // 2
 */
export function median(values: ArrayLike<number>): number {
	const a = new Float64Array(values.length);
	let n = 0;
	for (let i = 0; i < values.length; i++) {
		const x = values[i];
		if (x - x === 0) a[n++] = x; // finite
	}
	if (n === 0) return NaN;
	const mid = n >> 1;
	const upper = signedZero(a, n, mid, select(a, n, mid));
	if (n % 2 === 1) return upper;
	// After selection a[0..mid) holds the mid smallest values: the lower middle is their maximum.
	let lower = a[0];
	for (let i = 1; i < mid; i++) if (a[i] > lower) lower = a[i];
	return (signedZero(a, n, mid - 1, lower) + upper) / 2;
}

/**
 * Selection treats -0 and +0 as equal; a sorted array puts every -0 before every +0. For a zero at
 * sorted position k, this says which one sorting would have put there.
 */
function signedZero(a: Float64Array, n: number, k: number, x: number): number {
	if (x !== 0) return x;
	let negatives = 0;
	for (let i = 0; i < n; i++) if (a[i] < 0 || Object.is(a[i], -0)) negatives++;
	return k < negatives ? -0 : 0;
}

/** Rearranges a[0..n) so that a[k] is the k-th smallest, a[0..k) ≤ a[k] ≤ a(k..n); returns a[k]. */
function select(a: Float64Array, n: number, k: number): number {
	let lo = 0;
	let hi = n - 1;
	while (hi > lo) {
		const m = (lo + hi) >> 1;
		// Median of three to a[m], then Hoare partition around it; equal keys split evenly, so runs of
		// identical values (evenly spaced times) stay linear.
		if (a[m] < a[lo]) swap(a, m, lo);
		if (a[hi] < a[lo]) swap(a, hi, lo);
		if (a[hi] < a[m]) swap(a, hi, m);
		const pivot = a[m];
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (a[i] < pivot) i++;
			while (a[j] > pivot) j--;
			if (i <= j) {
				swap(a, i, j);
				i++;
				j--;
			}
		}
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else return a[k];
	}
	return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
	const t = a[i];
	a[i] = a[j];
	a[j] = t;
}
