/** Supervised samples for a sequence model, row-major: x[(i·window + k)·nFeatures + f]. */
export interface Windows {
	/** samples × window × nFeatures; step k = window − 1 is the row the sample predicts at. */
	x: Float32Array;
	/** y[i] = target[index[i]]. */
	y: Float32Array;
	/** The row t each sample predicts at: its window is rows t − window + 1 … t. Ascending. */
	index: Int32Array;
	samples: number;
	window: number;
	nFeatures: number;
}

export interface MakeWindowsOptions {
	/** Feature columns, each of length n, row-aligned with `target`. */
	features: readonly (Float32Array | Float64Array)[];
	/** Length n; for forecasting, `nextLogReturn(close)`. */
	target: Float32Array | Float64Array;
	/** Rows per sample, ≥ 1. */
	window: number;
	/** First row any window may include, e.g. the feature warm-up. Default 0. */
	start?: number;
}

/**
 * Cuts feature columns into overlapping windows for a sequence model. The sample for row t holds
 * feature rows t − window + 1 … t (nothing after t) and the label target[t]; with
 * `target = nextLogReturn(close)` that is the return from close t to close t + 1, so the model only
 * ever sees the past of what it predicts. The first sample is at row `start + window − 1`.
 *
 * Samples whose window or label holds a NaN or ±Infinity are dropped (warm-up rows, gaps, the last
 * row of a next-bar target), so `index` may skip rows; it is always ascending.
 *
 * @throws RangeError when the columns differ in length or window/start are not valid.
 * @example
 * const w = makeWindows({ features: [logReturns, rsi], target: nextLogReturn(close), window: 32, start: 14 });
 * w.x.length === w.samples * 32 * 2; // true
 */
export function makeWindows(opts: MakeWindowsOptions): Windows {
	const { features, target, window, start = 0 } = opts;
	const n = target.length;
	const nFeatures = features.length;
	if (nFeatures === 0) throw new RangeError('makeWindows: at least one feature column is needed');
	features.forEach((c, f) => {
		if (c.length !== n)
			throw new RangeError(`makeWindows: feature ${f} has ${c.length} rows, target has ${n}`);
	});
	if (!Number.isInteger(window) || window < 1)
		throw new RangeError(`makeWindows: window must be an integer ≥ 1, got ${window}`);
	if (!Number.isInteger(start) || start < 0)
		throw new RangeError(`makeWindows: start must be an integer ≥ 0, got ${start}`);

	// badBefore[r] = rows before r with a non-finite feature: a window is clean when the count does not change over it.
	const badBefore = new Int32Array(n + 1);
	for (let r = 0; r < n; r++) {
		let bad = 0;
		for (let f = 0; f < nFeatures; f++) if (!Number.isFinite(features[f][r])) bad = 1;
		badBefore[r + 1] = badBefore[r] + bad;
	}
	const rows: number[] = [];
	for (let t = start + window - 1; t < n; t++) {
		if (Number.isFinite(target[t]) && badBefore[t + 1] === badBefore[t + 1 - window]) rows.push(t);
	}

	const samples = rows.length;
	const x = new Float32Array(samples * window * nFeatures);
	const y = new Float32Array(samples);
	const index = Int32Array.from(rows);
	for (let i = 0; i < samples; i++) {
		const first = index[i] - window + 1;
		for (let k = 0; k < window; k++) {
			const offset = (i * window + k) * nFeatures;
			for (let f = 0; f < nFeatures; f++) x[offset + f] = features[f][first + k];
		}
		y[i] = target[index[i]];
	}
	return { x, y, index, samples, window, nFeatures };
}
