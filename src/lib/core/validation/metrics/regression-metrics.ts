/**
 * Regression metrics over paired predictions and targets, in f64. NaN rule: a pair with a NaN on
 * either side is skipped; with no pairs left (or, for correlations, zero variance) the result is NaN.
 */

type Values = ArrayLike<number>;

function pairs(pred: Values, target: Values): [number[], number[]] {
	if (pred.length !== target.length) {
		throw new RangeError(`${pred.length} predictions for ${target.length} targets`);
	}
	const p: number[] = [];
	const t: number[] = [];
	for (let i = 0; i < pred.length; i++) {
		if (Number.isNaN(pred[i]) || Number.isNaN(target[i])) continue;
		p.push(pred[i]);
		t.push(target[i]);
	}
	return [p, t];
}

/** Mean squared error `Σ(p − y)²/n`. @example meanSquaredError([1, 2], [1, 4]); // 2 */
export function meanSquaredError(pred: Values, target: Values): number {
	const [p, t] = pairs(pred, target);
	return p.length ? p.reduce((s, v, i) => s + (v - t[i]) ** 2, 0) / p.length : NaN;
}

/** Mean absolute error `Σ|p − y|/n`. @example meanAbsoluteError([1, 2], [1, 4]); // 1 */
export function meanAbsoluteError(pred: Values, target: Values): number {
	const [p, t] = pairs(pred, target);
	return p.length ? p.reduce((s, v, i) => s + Math.abs(v - t[i]), 0) / p.length : NaN;
}

/**
 * Pearson correlation of predictions with outcomes: the information coefficient, IC (Grinold & Kahn,
 * "Active Portfolio Management", 2000, ch. 6).
 *
 * @example
 * informationCoefficient([1, 2, 3], [2, 4, 7]); // 0.9933992677987828
 */
export function informationCoefficient(pred: Values, target: Values): number {
	const [p, t] = pairs(pred, target);
	return pearson(p, t);
}

/**
 * Spearman rank correlation, the rank IC: Pearson on ranks, ties given their average rank (as
 * scipy.stats.spearmanr does).
 *
 * @example
 * rankInformationCoefficient([1, 2, 3, 4], [1, 3, 2, 4]); // 0.8
 */
export function rankInformationCoefficient(pred: Values, target: Values): number {
	const [p, t] = pairs(pred, target);
	return pearson(averageRanks(p), averageRanks(t));
}

function pearson(x: readonly number[], y: readonly number[]): number {
	const n = x.length;
	if (n < 2) return NaN;
	const mx = x.reduce((a, b) => a + b, 0) / n;
	const my = y.reduce((a, b) => a + b, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) ** 2;
		syy += (y[i] - my) ** 2;
	}
	return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** 1-based ranks; tied values share the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
	const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
	const ranks = new Array<number>(values.length);
	for (let start = 0; start < order.length;) {
		let end = start;
		while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
		const rank = (start + end) / 2 + 1;
		for (let k = start; k <= end; k++) ranks[order[k]] = rank;
		start = end + 1;
	}
	return ranks;
}
