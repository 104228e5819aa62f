/**
 * Split-conformal calibration of predictive intervals (Vovk et al. 2005; the normalised score of
 * Papadopoulos et al. 2002 / Lei et al. 2018): on a held-out calibration set, the score of each
 * sample is |y − μ| / σ; the interval μ ± q·σ with q the ⌈(n+1)(1−α)⌉-th smallest score covers a
 * new exchangeable sample with probability ≥ 1 − α. Applied to MC-dropout (μ, σ) it turns the raw,
 * usually miscalibrated, dropout spread into intervals of the nominal coverage.
 */

/**
 * The scale factor q for intervals `mean ± q·std` of coverage `1 − alpha`.
 *
 * @throws RangeError on mismatched lengths, alpha outside (0, 1) or too few samples for alpha.
 * @example
 * const q = conformalScale(yCal, meanCal, stdCal, 0.1); // then mean ± q·std on new samples
 */
export function conformalScale(
	y: ArrayLike<number>,
	mean: ArrayLike<number>,
	std: ArrayLike<number>,
	alpha: number
): number {
	const n = y.length;
	if (mean.length !== n || std.length !== n)
		throw new RangeError('y, mean and std differ in length');
	if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
	const rank = Math.ceil((n + 1) * (1 - alpha));
	if (rank > n) throw new RangeError(`${n} calibration samples are too few for alpha ${alpha}`);
	// A zero spread (no dropout active) would divide by zero: floor it so the score stays finite.
	const scores = Float64Array.from(
		{ length: n },
		(_, i) => Math.abs(y[i] - mean[i]) / Math.max(std[i], 1e-12)
	);
	scores.sort();
	return scores[rank - 1];
}

/** Share of samples with `lo[i] ≤ y[i] ≤ hi[i]`. */
export function intervalCoverage(
	y: ArrayLike<number>,
	lo: ArrayLike<number>,
	hi: ArrayLike<number>
): number {
	let inside = 0;
	for (let i = 0; i < y.length; i++) if (y[i] >= lo[i] && y[i] <= hi[i]) inside++;
	return inside / y.length;
}

/**
 * Intervals `mean ± q·std`, with q from `conformalScale`.
 *
 * @example
 * const { lo, hi } = scaledIntervals(mc.mean, mc.std, q);
 */
export function scaledIntervals(
	mean: ArrayLike<number>,
	std: ArrayLike<number>,
	q: number
): { lo: Float64Array; hi: Float64Array } {
	const lo = Float64Array.from(mean, (m, i) => m - q * std[i]);
	const hi = Float64Array.from(mean, (m, i) => m + q * std[i]);
	return { lo, hi };
}
