import type { RawBars } from '../data/raw-bars';
import { modifiedZScores } from './modified-z-scores';
import { timeOrder } from './time-order';

/**
 * |modified z| above which a log return is an outlier. Iglewicz & Hoaglin suggest 3.5 for roughly
 * normal data; daily returns are heavy-tailed (real crashes reach |z| of 15–20), so the default flags
 * only moves far beyond those, such as a misplaced decimal point or an unadjusted split.
 */
export const DEFAULT_OUTLIER_Z = 10;

export interface ReturnOutlier {
	/** Index of the bar the outlying return leads to. */
	bar: number;
	logReturn: number;
	z: number;
}

export interface ReturnOutliers {
	outliers: ReturnOutlier[];
	threshold: number;
	median: number;
	mad: number;
}

/**
 * Outlying close-to-close log returns, by modified z-score (see `modifiedZScores`). Returns are taken
 * in time order between consecutive distinct times, skipping bars without a finite positive close.
 * Each outlier is reported at the bar the return leads to. `order` is `timeOrder(raw)` when the
 * caller has it. A one-bar spike shows as two outlying
 * returns of opposite sign (up into the bad price, down out of it): only the spike bar is reported.
 *
 * @example
 * findReturnOutliers(raw).outliers; // [{ bar: 12, logReturn: 2.3, z: 104 }] for a ×10 typo at bar 12
 */
export function findReturnOutliers(
	raw: RawBars,
	threshold = DEFAULT_OUTLIER_Z,
	order: readonly number[] = timeOrder(raw)
): ReturnOutliers {
	const { close, time } = raw;
	const usable = order.filter((i) => close[i] > 0 && close[i] !== Infinity);
	const bars: number[] = [];
	const returns: number[] = [];
	for (let k = 1; k < usable.length; k++) {
		const prev = usable[k - 1];
		const cur = usable[k];
		if (time[cur] === time[prev]) continue;
		bars.push(cur);
		returns.push(Math.log(close[cur] / close[prev]));
	}
	const { z, median, mad } = modifiedZScores(returns);
	const outliers: ReturnOutlier[] = [];
	for (let k = 0; k < returns.length; k++) {
		if (!(Math.abs(z[k]) > threshold)) continue;
		outliers.push({ bar: bars[k], logReturn: returns[k], z: z[k] });
		const revertsNext = k + 1 < returns.length && Math.abs(z[k + 1]) > threshold;
		if (revertsNext && Math.sign(returns[k + 1]) !== Math.sign(returns[k])) k++;
	}
	outliers.sort((a, b) => a.bar - b.bar);
	return { outliers, threshold, median, mad };
}
