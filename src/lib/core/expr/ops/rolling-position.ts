import { rollingApply } from './rolling-apply';

/**
 * Percentile rank of x_t within its window, Qlib's `Rank` (pandas `rolling().rank(pct=True)`,
 * equivalently `scipy.stats.percentileofscore(window, x_t, kind='rank') / 100`): ties take the
 * average rank, so rank = (#below + (#equal + 1) / 2) / n with #equal counting x_t itself.
 * 1 means x_t is the window's unique maximum; 1/n its unique minimum. Warm-up n − 1.
 */
export const rollingRankOp = (x: Float64Array, n: number): Float64Array =>
	rollingApply(x, n, (s, e) => {
		const v = x[e - 1];
		let below = 0;
		let equal = 0;
		for (let i = s; i < e; i++) {
			if (x[i] < v) below++;
			else if (x[i] === v) equal++;
		}
		return (below + (equal + 1) / 2) / n;
	});

/**
 * 1-based position of the window's maximum counted from the window's oldest bar, Qlib's `IdxMax`
 * (`np.argmax(window) + 1`; ties go to the earliest bar). So IdxMax = n when x_t is the maximum,
 * and the number of bars since the maximum is n − IdxMax. Warm-up n − 1.
 */
export const rollingIdxMaxOp = (x: Float64Array, n: number): Float64Array =>
	rollingApply(x, n, (s, e) => {
		let at = s;
		for (let i = s + 1; i < e; i++) if (x[i] > x[at]) at = i;
		return at - s + 1;
	});

/** As `rollingIdxMaxOp`, for the minimum (Qlib `IdxMin`, `np.argmin + 1`). */
export const rollingIdxMinOp = (x: Float64Array, n: number): Float64Array =>
	rollingApply(x, n, (s, e) => {
		let at = s;
		for (let i = s + 1; i < e; i++) if (x[i] < x[at]) at = i;
		return at - s + 1;
	});
