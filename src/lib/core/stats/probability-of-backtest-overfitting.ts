/** How a strategy's returns over a set of rows become one performance number (higher = better). */
export type PerformanceMetric = 'sharpe' | 'mean' | ((returns: Float64Array) => number);

export interface PboResult {
	/** Probability of backtest overfitting: the fraction of splits whose logit λ ≤ 0. */
	pbo: number;
	/** λ_c = ln(ω̄_c / (1 − ω̄_c)) per split, where ω̄_c is the OOS relative rank of the IS winner. */
	logits: Float64Array;
	/** Performance degradation pairs: the IS winner's in-sample metric, per split… */
	isPerformance: Float64Array;
	/** …and the same strategy's out-of-sample metric. */
	oosPerformance: Float64Array;
	/** Fraction of splits where the IS winner's OOS metric is below 0 ("probability of loss"). */
	probabilityOfOosLoss: number;
	/** Number of splits C(S, S/2). */
	combinations: number;
}

/**
 * Probability of Backtest Overfitting by Combinatorially Symmetric Cross-Validation (CSCV), Bailey,
 * Borwein, López de Prado & Zhu, "The Probability of Backtest Overfitting", *Journal of
 * Computational Finance* 20(4), 2017, §2.
 *
 * The T×N matrix (rows = periods, columns = strategy configurations, row-major) is cut into S
 * contiguous blocks of rows (block s = rows ⌊sT/S⌋ … ⌊(s+1)T/S⌋ − 1). For each of the C(S, S/2) ways to
 * pick S/2 blocks as in-sample J (the rest, in order, is out-of-sample J̄): n* = argmax of the metric
 * on J (first index on ties), r̄ = rank of n*'s metric on J̄ among all N (1 = worst, ties get the
 * average rank), ω̄ = r̄/(N + 1), λ = ln(ω̄/(1 − ω̄)). PBO = #{λ ≤ 0} / C(S, S/2): how often the
 * in-sample winner lands at or below the out-of-sample median.
 *
 * 'sharpe' is mean / sample sd (n − 1) per period and 'mean' the mean return; both run from per-block
 * sums in O(C(S, S/2)·N·S). A function metric is called on each strategy's concatenated rows (slower).
 *
 * NaN rule: a NaN metric (e.g. a zero-dispersion Sharpe) ranks as the worst performance.
 *
 * @throws RangeError if matrix.length ≠ T·N, N < 2, S is not an even integer in [2, 24], or T < S.
 * @example
 * const { pbo, logits } = probabilityOfBacktestOverfitting(returns, 1000, 50, 16, 'sharpe');
 */
export function probabilityOfBacktestOverfitting(
	matrix: Float64Array,
	T: number,
	N: number,
	S = 16,
	metric: PerformanceMetric = 'sharpe'
): PboResult {
	check(
		Number.isInteger(T) && Number.isInteger(N) && matrix.length === T * N,
		'matrix must hold T·N values'
	);
	check(N >= 2, 'needs at least two strategies');
	check(
		Number.isInteger(S) && S % 2 === 0 && S >= 2 && S <= 24,
		'S must be an even integer in [2, 24]'
	);
	check(T >= S, 'needs at least one row per block (T ≥ S)');

	const bounds = Array.from({ length: S + 1 }, (_, s) => Math.floor((s * T) / S));
	const evaluate =
		typeof metric === 'function'
			? functionEvaluator(matrix, T, N, bounds, metric)
			: sumsEvaluator(matrix, T, N, bounds, metric);

	const masks: number[] = [];
	for (let mask = 0; mask < 1 << S; mask++) if (popcount(mask) === S / 2) masks.push(mask);
	const all = (1 << S) - 1;
	const logits = new Float64Array(masks.length);
	const isPerformance = new Float64Array(masks.length);
	const oosPerformance = new Float64Array(masks.length);
	const inSample = new Float64Array(N);
	const outOfSample = new Float64Array(N);
	let overfit = 0;
	let losses = 0;
	masks.forEach((mask, c) => {
		evaluate(mask, inSample);
		evaluate(all ^ mask, outOfSample);
		let best = 0;
		for (let j = 1; j < N; j++) if (score(inSample[j]) > score(inSample[best])) best = j;
		const winner = score(outOfSample[best]);
		let below = 0;
		let tied = 0;
		for (let j = 0; j < N; j++) {
			const v = score(outOfSample[j]);
			if (v < winner) below++;
			else if (v === winner && j !== best) tied++;
		}
		const omega = (below + 1 + tied / 2) / (N + 1);
		logits[c] = Math.log(omega / (1 - omega));
		isPerformance[c] = inSample[best];
		oosPerformance[c] = outOfSample[best];
		if (logits[c] <= 0) overfit++;
		if (outOfSample[best] < 0) losses++;
	});
	return {
		pbo: overfit / masks.length,
		logits,
		isPerformance,
		oosPerformance,
		probabilityOfOosLoss: losses / masks.length,
		combinations: masks.length
	};
}

type Evaluator = (blockMask: number, out: Float64Array) => void;

const score = (v: number) => (Number.isNaN(v) ? -Infinity : v);

function popcount(x: number): number {
	let count = 0;
	for (; x; x &= x - 1) count++;
	return count;
}

/** Per-block counts, sums and sums of squares (of values shifted by the column mean, for accuracy). */
function sumsEvaluator(
	matrix: Float64Array,
	T: number,
	N: number,
	bounds: number[],
	metric: 'sharpe' | 'mean'
): Evaluator {
	const S = bounds.length - 1;
	const shift = new Float64Array(N);
	for (let t = 0; t < T; t++) for (let j = 0; j < N; j++) shift[j] += matrix[t * N + j] / T;
	const sums = new Float64Array(S * N);
	const squares = new Float64Array(S * N);
	for (let s = 0; s < S; s++) {
		for (let t = bounds[s]; t < bounds[s + 1]; t++) {
			for (let j = 0; j < N; j++) {
				const d = matrix[t * N + j] - shift[j];
				sums[s * N + j] += d;
				squares[s * N + j] += d * d;
			}
		}
	}
	return (mask, out) => {
		let count = 0;
		out.fill(0);
		const sq = new Float64Array(N);
		for (let s = 0; s < S; s++) {
			if (!(mask & (1 << s))) continue;
			count += bounds[s + 1] - bounds[s];
			for (let j = 0; j < N; j++) {
				out[j] += sums[s * N + j];
				sq[j] += squares[s * N + j];
			}
		}
		for (let j = 0; j < N; j++) {
			const meanShifted = out[j] / count;
			if (metric === 'mean') {
				out[j] = shift[j] + meanShifted;
				continue;
			}
			const variance = (sq[j] - count * meanShifted * meanShifted) / (count - 1);
			out[j] = variance > 0 ? (shift[j] + meanShifted) / Math.sqrt(variance) : NaN;
		}
	};
}

/** Calls `metric` on each strategy's rows of the selected blocks, concatenated in time order. */
function functionEvaluator(
	matrix: Float64Array,
	T: number,
	N: number,
	bounds: number[],
	metric: (returns: Float64Array) => number
): Evaluator {
	const S = bounds.length - 1;
	return (mask, out) => {
		const rows: number[] = [];
		for (let s = 0; s < S; s++)
			if (mask & (1 << s)) for (let t = bounds[s]; t < bounds[s + 1]; t++) rows.push(t);
		const column = new Float64Array(rows.length);
		for (let j = 0; j < N; j++) {
			rows.forEach((t, i) => (column[i] = matrix[t * N + j]));
			out[j] = metric(column);
		}
	};
}

function check(condition: boolean, message: string): asserts condition {
	if (!condition) throw new RangeError(`probabilityOfBacktestOverfitting: ${message}`);
}
