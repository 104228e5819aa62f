/**
 * The buy-and-hold benchmark over the same decisions as `runBacktest`: long 1 unit from the close of
 * bar index[0] to the end, held through any gaps in `index`. Laid out like `BacktestRun.equity`:
 * equity[0] = 1 and equity[k + 1] is the value at close index[k] + 1, i.e.
 * (1 − fee) · close[index[k] + 1] / close[index[0]], with one entry fee of feeBps (default 0).
 *
 * @example
 * buyAndHold(Float64Array.of(100, 110, 99, 121), Int32Array.of(0, 1, 2)); // Float64Array [1, 1.1, 0.99, 1.21]
 */
export function buyAndHold(close: Float64Array, index: Int32Array, feeBps = 0): Float64Array {
	const m = index.length;
	const equity = new Float64Array(m + 1);
	equity[0] = 1;
	if (m === 0) return equity;
	const scale = (1 - feeBps / 1e4) / close[index[0]];
	for (let k = 0; k < m; k++) {
		const t = index[k];
		if (!(t + 1 < close.length))
			throw new RangeError(`buyAndHold: index[${k}] = ${t} has no next bar`);
		equity[k + 1] = close[t + 1] * scale;
	}
	return equity;
}
