/** x[t − n] (NaN for t < n). n ≥ 0: a negative lag would read the future and is rejected upstream. */
export function refOp(x: Float64Array, n: number): Float64Array {
	const out = new Float64Array(x.length).fill(NaN);
	for (let t = n; t < x.length; t++) out[t] = x[t - n];
	return out;
}

/** x[t] − x[t − n]. */
export function deltaOp(x: Float64Array, n: number): Float64Array {
	const out = new Float64Array(x.length).fill(NaN);
	for (let t = n; t < x.length; t++) out[t] = x[t] - x[t - n];
	return out;
}
