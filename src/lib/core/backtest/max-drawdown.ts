export interface Drawdown {
	/** Largest peak-to-trough fall as a positive fraction of the peak (0.25 = −25%); 0 if never below a peak. */
	maxDrawdown: number;
	/** Index of the peak before the worst fall (-1 for an empty curve). */
	peak: number;
	/** Index of the trough of the worst fall (-1 for an empty curve). */
	trough: number;
}

/**
 * Maximum drawdown of an equity curve: max over t of (M_t − E_t) / M_t, where M_t = max_{s ≤ t} E_s
 * is the running peak. Definition as in Grossman & Zhou, "Optimal Investment Strategies for
 * Controlling Drawdowns", *Mathematical Finance* 3(3), 1993, and Magdon-Ismail, Atiya, Pratap &
 * Abu-Mostafa, "On the Maximum Drawdown of a Brownian Motion", *Journal of Applied Probability*
 * 41(1), 2004. The earliest worst fall is reported when two are equal. NaN for an empty curve.
 *
 * @example
 * maxDrawdown(Float64Array.of(1, 1.5, 0.75, 1.2, 2, 1.8)); // { maxDrawdown: 0.5, peak: 1, trough: 2 }
 */
export function maxDrawdown(equity: Float64Array): Drawdown {
	if (equity.length === 0) return { maxDrawdown: NaN, peak: -1, trough: -1 };
	let runningPeak = 0;
	let worst = { maxDrawdown: 0, peak: 0, trough: 0 };
	for (let t = 1; t < equity.length; t++) {
		if (equity[t] > equity[runningPeak]) runningPeak = t;
		const fall = 1 - equity[t] / equity[runningPeak];
		if (fall > worst.maxDrawdown) worst = { maxDrawdown: fall, peak: runningPeak, trough: t };
	}
	return worst;
}
