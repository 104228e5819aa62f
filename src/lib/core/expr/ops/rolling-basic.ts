import {
	rollingMaxIndex,
	rollingMinIndex
} from '../../indicators/statistics/kernels/rolling-extreme-column';
import { RollingSum } from '../../indicators/statistics/kernels/rolling-sum';
import { RollingVariance } from '../../indicators/statistics/kernels/rolling-variance';
import { SortedWindow } from '../../indicators/statistics/kernels/sorted-window';

/**
 * Rolling sum, mean, sample variance/std, extremes and order statistics over the last n values,
 * built on the shared O(1)/O(log w) streaming kernels. NaN rule (all of them): a non-finite value
 * empties the window, so out[t] is finite only when x[t − n + 1 .. t] all are. Warm-up n − 1.
 */
export function rollingSumOp(x: Float64Array, n: number): Float64Array {
	const s = new RollingSum(n);
	return x.map((v) => s.push(v));
}

export function rollingMeanOp(x: Float64Array, n: number): Float64Array {
	const s = new RollingSum(n);
	return x.map((v) => s.push(v) / n);
}

/** Sample variance (divides by n − 1, pandas `rolling().var()`); n ≥ 2. */
export function rollingVarOp(x: Float64Array, n: number): Float64Array {
	const v = new RollingVariance(n);
	return x.map((value) => (v.push(value) ? v.sumSquares / (n - 1) : NaN));
}

/** Sample standard deviation (pandas `rolling().std()`, Qlib `Std`); n ≥ 2. */
export function rollingStdOp(x: Float64Array, n: number): Float64Array {
	return rollingVarOp(x, n).map(Math.sqrt);
}

export function rollingMaxOp(x: Float64Array, n: number): Float64Array {
	const at = new Int32Array(x.length);
	rollingMaxIndex(x, 0, x.length, n, at);
	return Float64Array.from(at, (i) => (i < 0 ? NaN : x[i]));
}

export function rollingMinOp(x: Float64Array, n: number): Float64Array {
	const at = new Int32Array(x.length);
	rollingMinIndex(x, 0, x.length, n, at);
	return Float64Array.from(at, (i) => (i < 0 ? NaN : x[i]));
}

/** Hyndman & Fan (1996) type 7 quantile (pandas' and NumPy's default `linear`). */
export function rollingQuantileOp(x: Float64Array, n: number, q: number): Float64Array {
	const w = new SortedWindow(n);
	return x.map((v) => (w.push(v) ? w.quantile(q) : NaN));
}

export function rollingMedianOp(x: Float64Array, n: number): Float64Array {
	const w = new SortedWindow(n);
	return x.map((v) => (w.push(v) ? w.median() : NaN));
}
