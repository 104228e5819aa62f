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
 * loop and the stream make it. Plain loops: `outs.some(…)` per row cost more than most kernels.
 */
export function maskIncomplete(outs: Float64Array[]): Float64Array[] {
	const width = outs.length;
	const n = width === 0 ? 0 : outs[0].length;
	for (let i = 0; i < n; i++) {
		let finite = true;
		for (let j = 0; j < width; j++) finite &&= Number.isFinite(outs[j][i]);
		if (!finite) for (let j = 0; j < width; j++) outs[j][i] = NaN;
	}
	return outs;
}
