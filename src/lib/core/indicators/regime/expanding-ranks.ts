/**
 * Mid-rank percentiles of every finite value of a sequence among the finite values before it,
 * p_t = (#{τ < t: v_τ < v_t} + ½ #{τ < t: v_τ = v_t}) / #{τ < t}, for a whole column at once:
 * the batch twin of `ExpandingRank` (same integer counts, same division, so the same bits).
 *
 * Offline, in O(n log n): the values are ranked once (sort + unique, which reads the whole column
 * only to name the slots of a Fenwick tree — each count still covers earlier values only, so no
 * future data reaches p_t), then a Fenwick tree (Fenwick, "A New Data Structure for Cumulative
 * Frequency Tables", Software: Practice and Experience 24(3), 1994) counts the earlier values below
 * each slot. `ExpandingRank` inserts into sorted chunks instead, O(√n) per value, for streaming.
 *
 * @param minHistory p_t is NaN until this many earlier finite values exist.
 * @returns p_t, NaN where v_t is not finite or the history is shorter than minHistory.
 * @example
 * expandingRanks(Float64Array.of(1, 2, 3, 2), 1); // [NaN, 1, 1, 0.5]
 */
export function expandingRanks(values: Float64Array, minHistory: number): Float64Array {
	const n = values.length;
	const out = new Float64Array(n).fill(NaN);
	const finite = values.filter((v) => Number.isFinite(v)).sort();
	let slots = 0;
	for (let i = 0; i < finite.length; i++)
		if (i === 0 || finite[i] !== finite[i - 1]) finite[slots++] = finite[i];
	const sorted = finite.subarray(0, slots);
	const tree = new Int32Array(slots + 1);
	let seen = 0;
	for (let t = 0; t < n; t++) {
		const v = values[t];
		if (!Number.isFinite(v)) continue;
		// 1-based slot of v: one past the number of distinct values below it.
		let lo = 0;
		let hi = slots;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (sorted[mid] < v) lo = mid + 1;
			else hi = mid;
		}
		const slot = lo + 1;
		if (seen >= minHistory && seen > 0) {
			let below = 0;
			for (let k = slot - 1; k > 0; k -= k & -k) below += tree[k];
			let atOrBelow = 0;
			for (let k = slot; k > 0; k -= k & -k) atOrBelow += tree[k];
			out[t] = (below + 0.5 * (atOrBelow - below)) / seen;
		}
		for (let k = slot; k <= slots; k += k & -k) tree[k]++;
		seen++;
	}
	return out;
}
