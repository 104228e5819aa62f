/**
 * out[t] = f(t − n + 1, t + 1) wherever the n values ending at t are all finite, else NaN: the
 * shared NaN rule of every rolling operator (a non-finite value empties the window; warm-up n − 1).
 * O(n · w) — the direct form, used where an O(1) update would lose accuracy or clarity (regression,
 * rank, argmax); the windows these expressions use are tens to hundreds of bars.
 */
export function rollingApply(
	x: Float64Array,
	n: number,
	f: (start: number, end: number) => number
): Float64Array {
	const out = new Float64Array(x.length).fill(NaN);
	let run = 0;
	for (let t = 0; t < x.length; t++) {
		run = Number.isFinite(x[t]) ? run + 1 : 0;
		if (run >= n) out[t] = f(t - n + 1, t + 1);
	}
	return out;
}

/** As `rollingApply`, for two aligned series: a window counts only when both are finite. */
export function rollingApplyPair(
	x: Float64Array,
	y: Float64Array,
	n: number,
	f: (start: number, end: number) => number
): Float64Array {
	const out = new Float64Array(x.length).fill(NaN);
	let run = 0;
	for (let t = 0; t < x.length; t++) {
		run = Number.isFinite(x[t]) && Number.isFinite(y[t]) ? run + 1 : 0;
		if (run >= n) out[t] = f(t - n + 1, t + 1);
	}
	return out;
}
