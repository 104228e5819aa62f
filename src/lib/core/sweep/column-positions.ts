import type { SweepColumn } from './sweep-column';

/**
 * Writes into `out[t]` (t = 0 … out.length − 1) the position a column holds over bar t → t + 1: its
 * band rule (see `SweepColumn`) applied to the signal at bar t − lag + 1. lag = 1 decides at the
 * close of bar t from data up to t; each extra bar of lag delays the fill by one bar. Bars before
 * the first available signal are flat.
 *
 * @example
 * const out = new Float64Array(close.length - 1);
 * columnPositions(column, 1, out);
 */
export function columnPositions(column: SweepColumn, lag: number, out: Float64Array): void {
	const { signal, reference, lower, upper, above, below, between } = column;
	const ratio = column.spread === 'ratio';
	const line = typeof reference === 'number' ? null : reference;
	const level = typeof reference === 'number' ? reference : 0;
	const shift = lag - 1;
	const n = out.length;
	const start = Math.min(shift, n);
	out.fill(0, 0, start);
	for (let t = start; t < n; t++) {
		const i = t - shift;
		const b = line === null ? level : line[i];
		const x = ratio ? signal[i] / b - 1 : signal[i] - b;
		// NaN fails every comparison; `x === x` sends it to flat rather than `between`.
		out[t] = x > upper ? above : x < lower ? below : x === x ? between : 0;
	}
}
