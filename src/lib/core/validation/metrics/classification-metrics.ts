/**
 * Classification metrics. Labels are class indices 0..K−1; probabilities are row-major `[n, K]`
 * (binary metrics take the positive-class probability, one per sample). f64 throughout.
 */

type Values = ArrayLike<number>;

/** The class with the highest probability per row (first on ties). */
export function argmaxRows(probs: Values, classes: number): Int32Array {
	const n = probs.length / classes;
	const out = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		let best = 0;
		for (let k = 1; k < classes; k++)
			if (probs[i * classes + k] > probs[i * classes + best]) best = k;
		out[i] = best;
	}
	return out;
}

/** Share of predictions equal to the label. @example accuracy([0, 1, 1], [0, 1, 0]); // 2/3 */
export function accuracy(predicted: Values, labels: Values): number {
	if (predicted.length !== labels.length)
		throw new RangeError('predicted and labels differ in length');
	if (labels.length === 0) return NaN;
	let hit = 0;
	for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) hit++;
	return hit / labels.length;
}

/**
 * Macro-averaged F1: the unweighted mean over classes of `2·TP/(2·TP + FP + FN)`. A class with no
 * true and no predicted samples scores 0 (sklearn's `zero_division=0`). Classes are 0..classes−1.
 *
 * @example
 * f1Macro([0, 1, 1, 0], [0, 1, 0, 0], 2); // (0.8 + 2/3) / 2
 */
export function f1Macro(predicted: Values, labels: Values, classes: number): number {
	let sum = 0;
	for (let k = 0; k < classes; k++) {
		let tp = 0;
		let fp = 0;
		let fn = 0;
		for (let i = 0; i < labels.length; i++) {
			if (predicted[i] === k && labels[i] === k) tp++;
			else if (predicted[i] === k) fp++;
			else if (labels[i] === k) fn++;
		}
		sum += tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
	}
	return sum / classes;
}

/**
 * Mean negative log-likelihood of the true class, probabilities clipped to [1e−15, 1 − 1e−15]
 * (sklearn's `log_loss` convention).
 *
 * @example
 * logLoss([0.9, 0.1, 0.2, 0.8], [0, 1], 2); // −(ln 0.9 + ln 0.8)/2
 */
export function logLoss(probs: Values, labels: Values, classes: number): number {
	const eps = 1e-15;
	let sum = 0;
	for (let i = 0; i < labels.length; i++) {
		const p = Math.min(1 - eps, Math.max(eps, probs[i * classes + labels[i]]));
		sum -= Math.log(p);
	}
	return labels.length ? sum / labels.length : NaN;
}

/**
 * Area under the ROC curve for binary labels (1 = positive) from scores, as the Mann–Whitney U
 * statistic over positives × negatives with ties counted ½ (Hanley & McNeil 1982). NaN when a class
 * is absent.
 *
 * @example
 * rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // 0.75
 */
export function rocAuc(scores: Values, labels: Values): number {
	const idx = Array.from({ length: labels.length }, (_, i) => i).sort(
		(a, b) => scores[a] - scores[b]
	);
	let positives = 0;
	let rankSum = 0;
	for (let start = 0; start < idx.length;) {
		let end = start;
		while (end + 1 < idx.length && scores[idx[end + 1]] === scores[idx[start]]) end++;
		const rank = (start + end) / 2 + 1;
		for (let k = start; k <= end; k++) {
			if (labels[idx[k]] === 1) {
				positives++;
				rankSum += rank;
			}
		}
		start = end + 1;
	}
	const negatives = labels.length - positives;
	if (positives === 0 || negatives === 0) return NaN;
	return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Brier score for binary outcomes (Brier 1950): `Σ(p − y)²/n` with p the positive-class probability.
 *
 * @example
 * brierScore([0.9, 0.2], [1, 0]); // (0.01 + 0.04)/2 = 0.025
 */
export function brierScore(probs: Values, labels: Values): number {
	let sum = 0;
	for (let i = 0; i < labels.length; i++) sum += (probs[i] - labels[i]) ** 2;
	return labels.length ? sum / labels.length : NaN;
}

export interface ReliabilityBin {
	/** [lower, upper) of predicted probability; the last bin includes 1. */
	lower: number;
	upper: number;
	count: number;
	/** Mean predicted probability in the bin (NaN when empty). */
	meanPredicted: number;
	/** Observed frequency of the positive class in the bin (NaN when empty). */
	observedRate: number;
}

/**
 * Reliability diagram bins (calibration): `bins` equal-width bins over [0, 1]; a calibrated model
 * has `observedRate ≈ meanPredicted` in every bin (DeGroot & Fienberg 1983; sklearn
 * `calibration_curve(strategy='uniform')` reports the non-empty bins).
 *
 * @example
 * reliabilityBins([0.1, 0.2, 0.9], [0, 1, 1], 2); // [{count 2, meanPredicted 0.15, observedRate 0.5}, {count 1, …}]
 */
export function reliabilityBins(probs: Values, labels: Values, bins = 10): ReliabilityBin[] {
	const out = Array.from({ length: bins }, (_, b) => ({
		lower: b / bins,
		upper: (b + 1) / bins,
		count: 0,
		sumP: 0,
		sumY: 0
	}));
	for (let i = 0; i < labels.length; i++) {
		const b = Math.min(bins - 1, Math.floor(probs[i] * bins));
		out[b].count++;
		out[b].sumP += probs[i];
		out[b].sumY += labels[i];
	}
	return out.map(({ lower, upper, count, sumP, sumY }) => ({
		lower,
		upper,
		count,
		meanPredicted: count ? sumP / count : NaN,
		observedRate: count ? sumY / count : NaN
	}));
}
