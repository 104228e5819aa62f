/**
 * Models from outside — ONNX files and native tfjs bundles — as battle-arena contenders: the model
 * is run over the session's bars once, before the battle, and its predictions become a contender
 * through the same prediction → target rule as trained experiments (core/arena/prediction-contender).
 *
 * Causality: the sample for bar t holds feature rows t − window + 1 … t, each feature an expression
 * of `core/expr` (which rejects look-ahead such as a negative `Ref`), and the optional z-score uses
 * only bars before the first out-of-sample bar. So the prediction at t never sees a bar after t.
 */
import { compile, evaluateAst } from '$lib/core/expr';
import type { ModelInputs, ModelPredictions } from '$lib/core/arena';
import type { OhlcvSeries } from '$lib/core/ohlcv';
import { err, ok, type Result } from '$lib/core/result';
import type { Predictor } from './onnx/predictor';

export interface PredictSeriesOptions {
	/** z-score statistics come from bars [0, fitEnd) only (the session's first training part). */
	fitEnd: number;
	/** Windows per `predict` call. Default 512. */
	batch?: number;
	signal?: AbortSignal;
	/** Bars predicted so far, of the series' length. */
	onProgress?: (done: number, total: number) => void;
}

/**
 * One prediction per bar of `series` (NaN until the first full window of finite features), from
 * the first value of each sample's model output.
 *
 * @example
 * const p = await predictSeries(onnxModel, series, { features: defaultModelFeatures(3), window: 8, standardize: true }, { fitEnd: 1000 });
 */
export async function predictSeries(
	predictor: Predictor,
	series: OhlcvSeries,
	inputs: ModelInputs,
	opts: PredictSeriesOptions
): Promise<Result<ModelPredictions>> {
	const n = series.close.length;
	const columns: Float64Array[] = [];
	for (const [i, source] of inputs.features.entries()) {
		const ast = compile(source);
		if (!ast.ok) return err('bad_input', `Feature ${i + 1} (${source}): ${ast.message}`);
		columns.push(evaluateAst(ast.value, series));
	}
	if (inputs.standardize) for (const c of columns) standardizeBefore(c, opts.fitEnd);

	const F = columns.length;
	const W = inputs.window;
	const predictions = new Float64Array(n).fill(NaN);
	// Bars whose whole window is finite: `run` counts the finite rows ending at t.
	const ready: number[] = [];
	let run = 0;
	for (let t = 0; t < n; t++) {
		run = columns.every((c) => Number.isFinite(c[t])) ? run + 1 : 0;
		if (run >= W) ready.push(t);
	}
	const batch = opts.batch ?? 512;
	for (let first = 0; first < ready.length; first += batch) {
		if (opts.signal?.aborted) return err('cancelled', 'Cancelled while the model was predicting.');
		const rows = ready.slice(first, first + batch);
		const x = new Float32Array(rows.length * W * F);
		rows.forEach((t, s) => {
			for (let k = 0; k < W; k++)
				for (let f = 0; f < F; f++) x[(s * W + k) * F + f] = columns[f][t - W + 1 + k];
		});
		let out: Float32Array;
		try {
			out = await predictor.predict(x, [rows.length, W, F]);
		} catch (e) {
			return err(
				'bad_input',
				`The model failed to predict: ${e instanceof Error ? e.message : String(e)}`
			);
		}
		const stride = out.length / rows.length;
		if (!Number.isInteger(stride) || stride < 1)
			return err(
				'bad_input',
				`The model returned ${out.length} values for ${rows.length} samples.`
			);
		rows.forEach((t, s) => (predictions[t] = out[s * stride]));
		opts.onProgress?.(rows[rows.length - 1] + 1, n);
	}
	return ok({ time: series.time, predictions });
}

/**
 * In place: (x − mean) / std with the mean and population std of the finite values in [0, end);
 * std 0 (or no values) divides by 1, as `fitStandardizer` does.
 */
function standardizeBefore(column: Float64Array, end: number): void {
	let count = 0;
	let mean = 0;
	let m2 = 0;
	for (let i = 0; i < Math.min(end, column.length); i++) {
		const v = column[i];
		if (!Number.isFinite(v)) continue;
		count++;
		const d = v - mean;
		mean += d / count;
		m2 += d * (v - mean);
	}
	const std = count > 0 && m2 > 0 ? Math.sqrt(m2 / count) : 1;
	for (let i = 0; i < column.length; i++) column[i] = (column[i] - mean) / std;
}
