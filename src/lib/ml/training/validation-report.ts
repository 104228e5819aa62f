/**
 * The final validation report of a run: every metric of its task on the held-out samples, from the
 * model's predictions (pure given the predictions; metric definitions in core/validation/metrics).
 */
import type { TrainingTask } from '$lib/core/protocol/training';
import {
	accuracy,
	argmaxRows,
	brierScore,
	f1Macro,
	informationCoefficient,
	logLoss,
	meanAbsoluteError,
	meanSquaredError,
	rankInformationCoefficient,
	rocAuc
} from '$lib/core/validation/metrics';

/**
 * `pred` is `[n, width]` row-major (regression: width 1 used; classification: class probabilities),
 * `target` one value per sample.
 *
 * @example
 * validationReport('regression', pred, 1, target); // { mse, mae, ic, rank_ic }
 */
export function validationReport(
	task: TrainingTask,
	pred: Float32Array,
	width: number,
	target: ArrayLike<number>
): Record<string, number> {
	const n = target.length;
	if (task === 'regression') {
		const p = Float64Array.from({ length: n }, (_, i) => pred[i * width]);
		return {
			mse: meanSquaredError(p, target),
			mae: meanAbsoluteError(p, target),
			ic: informationCoefficient(p, target),
			rank_ic: rankInformationCoefficient(p, target)
		};
	}
	const labels = Int32Array.from(target);
	const predicted = argmaxRows(pred, width);
	const report: Record<string, number> = {
		accuracy: accuracy(predicted, labels),
		f1_macro: f1Macro(predicted, labels, width),
		log_loss: logLoss(pred, labels, width)
	};
	if (width === 2) {
		const positive = Float64Array.from({ length: n }, (_, i) => pred[i * 2 + 1]);
		report.auc = rocAuc(positive, labels);
		report.brier = brierScore(positive, labels);
	}
	return report;
}
