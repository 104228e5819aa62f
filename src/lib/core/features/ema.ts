import { assertWindow } from './assert-window';

/**
 * Exponential moving average with α = 2 / (period + 1), seeded like TA-Lib's EMA (default
 * compatibility, `ta_EMA.c`): the first value is the simple mean of the first `period` inputs, then
 * e[i] = e[i−1] + α (x[i] − e[i−1]).
 *
 * Warm-up: `period − 1` rows. NaN rule: a non-finite input makes that row NaN and restarts the
 * warm-up, the next seed being the mean of the next `period` finite values (so leading NaNs, such as
 * the first row of a log-return column, only shift the start).
 *
 * @example
 * ema(Float64Array.of(1, 2, 3, 4), 2); // [NaN, 1.5, 2.5, 3.5]  (α = 2/3)
 */
export function ema(values: Float64Array, period: number): Float64Array {
	assertWindow('ema period', period, 1);
	const n = values.length;
	const out = new Float64Array(n).fill(NaN);
	const alpha = 2 / (period + 1);
	let count = 0;
	let seed = 0;
	let e = 0;
	for (let i = 0; i < n; i++) {
		const x = values[i];
		if (!Number.isFinite(x)) {
			count = 0;
			seed = 0;
			continue;
		}
		if (count < period) {
			seed += x;
			count++;
			if (count < period) continue;
			e = seed / period;
		} else {
			e += alpha * (x - e);
		}
		out[i] = e;
	}
	return out;
}
