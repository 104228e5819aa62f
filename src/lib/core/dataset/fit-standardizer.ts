/** Per-feature centre and scale; applied as (x − mean) / std. */
export interface Standardizer {
	mean: Float64Array;
	std: Float64Array;
}

/**
 * Fits z-score statistics on the training samples only — the first `trainSamples` samples of a
 * `makeWindows` tensor — so nothing from the test period leaks into the inputs (fitting on all data
 * is look-ahead: the test mean and variance would shape the training inputs).
 *
 * Each training sample contributes its last row (the row it predicts at), so with consecutive samples
 * every training row counts once and the result is the plain per-feature mean and population standard
 * deviation (divisor n, as scikit-learn's StandardScaler) of the training rows. Accumulated in f64. A
 * constant feature (std 0) gets std 1, so it is centred rather than divided by zero.
 *
 * @param x samples × window × nFeatures, as `makeWindows` returns it.
 * @throws RangeError when trainSamples is not in [1, samples].
 * @example
 * const scaler = fitStandardizer(w.x, w.nFeatures, split.train.end, w.window);
 * const xs = applyStandardizer(w.x, w.nFeatures, scaler);
 */
export function fitStandardizer(
	x: Float32Array,
	nFeatures: number,
	trainSamples: number,
	window: number
): Standardizer {
	const samples = x.length / (window * nFeatures);
	if (!Number.isInteger(trainSamples) || trainSamples < 1 || trainSamples > samples) {
		throw new RangeError(
			`fitStandardizer: trainSamples must be in [1, ${samples}], got ${trainSamples}`
		);
	}
	const mean = new Float64Array(nFeatures);
	const std = new Float64Array(nFeatures);
	const lastRow = (i: number) => (i * window + window - 1) * nFeatures;
	for (let i = 0; i < trainSamples; i++)
		for (let f = 0; f < nFeatures; f++) mean[f] += x[lastRow(i) + f];
	for (let f = 0; f < nFeatures; f++) mean[f] /= trainSamples;
	// Two passes (mean, then squared deviations) avoid the cancellation of the one-pass Σx² − n·mean² formula.
	for (let i = 0; i < trainSamples; i++) {
		for (let f = 0; f < nFeatures; f++) std[f] += (x[lastRow(i) + f] - mean[f]) ** 2;
	}
	for (let f = 0; f < nFeatures; f++) std[f] = Math.sqrt(std[f] / trainSamples) || 1;
	return { mean, std };
}
