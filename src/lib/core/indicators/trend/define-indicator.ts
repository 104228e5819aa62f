import type { OhlcvSeries } from '../../ohlcv';
import type { Bar, BarField, IndicatorDef, IndicatorStream, Params } from '../indicator';

/** One indicator's state machine: the single source of its numbers for both execution paths. */
export interface Kernel {
	/** Advances one bar whose inputs are all finite; writes one value per output into `out`. */
	step(bar: Bar, out: Float64Array): void;
}

export interface IndicatorSpec extends Omit<IndicatorDef, 'compute' | 'stream'> {
	/** A fresh state machine for these (validated) params. */
	kernel(p: Params): Kernel;
	/** Optional batch path over whole columns (reusing `core/features`), held equal to the kernel. */
	batch?(series: OhlcvSeries, p: Params): Float64Array[];
}

/**
 * Builds an `IndicatorDef` from a kernel, applying the two rules every trend & momentum indicator
 * shares, so both paths keep them identically:
 *
 * 1. A bar with a non-finite input (one of `inputs`) gives NaN outputs and restarts the kernel: the
 *    next bar is treated as the first bar of a new series, so the gap costs exactly `warmup(p)` more
 *    NaN rows.
 * 2. A row is NaN in every output until it is finite in all (TA-Lib's single lookback per function),
 *    so "NaN count at the start equals `warmup(p)`" holds for each output.
 *
 * `stream(p).update(bar)` returns a fresh array each call.
 */
export function defineIndicator(spec: IndicatorSpec): IndicatorDef {
	const { kernel, batch, ...def } = spec;
	const width = def.outputs.length;
	return {
		...def,
		compute(series, p) {
			if (batch) return maskIncomplete(batch(series, p));
			const n = series.close.length;
			const outs = def.outputs.map(() => new Float64Array(n));
			const columns = def.inputs.map((f) => series[f]);
			const { time, open, high, low, close, volume } = series;
			const bar: Bar = { time: 0, open: 0, high: 0, low: 0, close: 0, volume: 0 };
			const row = new Float64Array(width);
			let k = kernel(p);
			// Plain indexed loops: this is the batch hot path (a closure per bar cost ~35 ns).
			for (let i = 0; i < n; i++) {
				let finite = true;
				for (let c = 0; c < columns.length; c++) finite &&= Number.isFinite(columns[c][i]);
				if (finite) {
					bar.time = time[i];
					bar.open = open[i];
					bar.high = high[i];
					bar.low = low[i];
					bar.close = close[i];
					bar.volume = volume[i];
					k.step(bar, row);
					finite = allFinite(row);
				} else {
					k = kernel(p);
				}
				for (let j = 0; j < width; j++) outs[j][i] = finite ? row[j] : NaN;
			}
			return outs;
		},
		stream(p): IndicatorStream {
			let k = kernel(p);
			return {
				update(bar) {
					const row = new Float64Array(width);
					if (!def.inputs.every((f: BarField) => Number.isFinite(bar[f]))) {
						k = kernel(p);
						return row.fill(NaN);
					}
					k.step(bar, row);
					return allFinite(row) ? row : row.fill(NaN);
				}
			};
		}
	};
}

function allFinite(row: Float64Array): boolean {
	for (let j = 0; j < row.length; j++) if (!Number.isFinite(row[j])) return false;
	return true;
}

/**
 * Rule 2 for batch columns: a row missing (non-finite) in any output is NaN in all, as the kernel
 * loop and the stream make it. Plain loops, and finiteness as x − x = 0 (false for NaN and ±∞):
 * `outs.some(…)` per row cost more than most kernels, and `Number.isFinite` per value ~2.5 ms per
 * 1M-row column. One to four output columns, the common cases, get unrolled loops: three columns
 * take ~2 ms over 1M rows that way, ~4.2 ms in the general row loop.
 */
export function maskIncomplete(outs: Float64Array[]): Float64Array[] {
	if (outs.length === 1) maskColumn(outs[0]);
	else if (outs.length === 2) maskPairs(outs[0], outs[1]);
	else if (outs.length === 3) maskTriples(outs[0], outs[1], outs[2]);
	else if (outs.length === 4) maskQuads(outs[0], outs[1], outs[2], outs[3]);
	else if (outs.length > 4) maskRows(outs);
	return outs;
}

function maskColumn(out: Float64Array): void {
	for (let i = 0; i < out.length; i++) {
		const v = out[i];
		if (v - v !== 0) out[i] = NaN;
	}
}

function maskPairs(a: Float64Array, b: Float64Array): void {
	for (let i = 0; i < a.length; i++) {
		const x = a[i];
		const y = b[i];
		if (x - x + (y - y) !== 0) a[i] = b[i] = NaN;
	}
}

function maskTriples(a: Float64Array, b: Float64Array, c: Float64Array): void {
	for (let i = 0; i < a.length; i++) {
		const x = a[i];
		const y = b[i];
		const z = c[i];
		if (x - x + (y - y) + (z - z) !== 0) a[i] = b[i] = c[i] = NaN;
	}
}

function maskQuads(a: Float64Array, b: Float64Array, c: Float64Array, d: Float64Array): void {
	for (let i = 0; i < a.length; i++) {
		const w = a[i];
		const x = b[i];
		const y = c[i];
		const z = d[i];
		if (w - w + (x - x) + (y - y) + (z - z) !== 0) a[i] = b[i] = c[i] = d[i] = NaN;
	}
}

function maskRows(outs: Float64Array[]): void {
	const width = outs.length;
	const n = outs[0].length;
	for (let i = 0; i < n; i++) {
		let acc = 0;
		for (let j = 0; j < width; j++) {
			const v = outs[j][i];
			acc += v - v;
		}
		if (acc !== 0) for (let j = 0; j < width; j++) outs[j][i] = NaN;
	}
}
