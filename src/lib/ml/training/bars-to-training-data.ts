/**
 * Bars → training samples, as the experiment flow does it (pure; used by the CLI and the benchmark):
 * CPU feature twins → windows → next-bar log-return target → chronological split with an embargo of
 * `window` samples between training and validation (no validation window overlaps a training one)
 * → z-scores fitted on training samples only. Classification labels the direction (1 when the next
 * return is positive).
 */
import { applyStandardizer, fitStandardizer, makeWindows, nextLogReturn } from '$lib/core/dataset';
import { DEFAULT_FEATURES, type FeatureSpec } from '$lib/core/features';
import { computeFeaturesCpu } from '$lib/core/features/compute-features-cpu';
import type { OhlcvSeries } from '$lib/core/ohlcv';
import type { TrainingTask } from '$lib/core/protocol/training';
import { err, ok, type Result } from '$lib/core/result';
import type { TrainingData } from './training-data';

export interface BarsTrainingData {
	data: TrainingData;
	featureNames: string[];
	/** Samples dropped between training and validation. */
	embargo: number;
	/** Training-target mean and std (regression targets are standardised with them). */
	target: { mean: number; std: number };
}

/**
 * @example
 * const r = barsToTrainingData(series, { window: 16, validationShare: 0.2, task: 'regression' });
 */
export function barsToTrainingData(
	series: OhlcvSeries,
	o: {
		window: number;
		validationShare: number;
		task: TrainingTask;
		features?: readonly FeatureSpec[];
	}
): Result<BarsTrainingData> {
	const matrix = computeFeaturesCpu(series, o.features ?? DEFAULT_FEATURES);
	const w = makeWindows({
		features: matrix.columns,
		target: nextLogReturn(series.close),
		window: o.window,
		start: matrix.warmup
	});
	const train = Math.floor(w.samples * (1 - o.validationShare));
	const valStart = train + o.window;
	if (train < 8 || w.samples - valStart < 4) {
		return err(
			'bad_input',
			`${w.samples} samples are too few for window ${o.window}: need ≥ 8 to train and ≥ 4 to validate after a ${o.window}-sample embargo. Use more bars or a shorter window.`
		);
	}
	const stride = o.window * w.nFeatures;
	const kept = train + (w.samples - valStart);
	const rawX = new Float32Array(kept * stride);
	rawX.set(w.x.subarray(0, train * stride));
	rawX.set(w.x.subarray(valStart * stride), train * stride);
	const rawY = new Float32Array(kept);
	rawY.set(w.y.subarray(0, train));
	rawY.set(w.y.subarray(valStart), train);

	const x = applyStandardizer(
		rawX,
		w.nFeatures,
		fitStandardizer(rawX, w.nFeatures, train, o.window)
	);
	let mean = 0;
	for (let i = 0; i < train; i++) mean += rawY[i];
	mean /= train;
	let ss = 0;
	for (let i = 0; i < train; i++) ss += (rawY[i] - mean) ** 2;
	const std = Math.sqrt(ss / Math.max(1, train - 1)) || 1;
	const y =
		o.task === 'classification'
			? rawY.map((v) => (v > 0 ? 1 : 0))
			: rawY.map((v) => (v - mean) / std);
	return ok({
		data: {
			x,
			y,
			inputShape: [o.window, w.nFeatures],
			targetWidth: 1,
			samples: kept,
			trainSamples: train
		},
		featureNames: matrix.names,
		embargo: o.window,
		target: { mean, std }
	});
}
