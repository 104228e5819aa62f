import { rollingApply } from './rolling-apply';

/**
 * Linearly weighted moving average, Qlib's `WMA`: weights 1, 2, …, n from the oldest bar to the
 * newest, normalised to sum to 1. Warm-up n − 1.
 */
export const rollingWmaOp = (x: Float64Array, n: number): Float64Array =>
	rollingApply(x, n, (s, e) => {
		let acc = 0;
		for (let i = s; i < e; i++) acc += (i - s + 1) * x[i];
		return acc / ((n * (n + 1)) / 2);
	});
