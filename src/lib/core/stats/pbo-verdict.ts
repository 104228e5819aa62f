import { formatProbability } from './verdict-format';

/**
 * One plain-language line for a Probability of Backtest Overfitting (Bailey, Borwein, López de Prado
 * & Zhu 2017). PBO ≤ 1 − level: low risk; below ½: material risk; ½ or more: the selection did no
 * better than picking at random. The sentence says what PBO counts, with the number of splits.
 *
 * @example
 * pboVerdict({ pbo: 0.62, combinations: 12870 });
 * // "likely overfit: the in-sample winner finished at or below the out-of-sample median in 62% of 12870 splits (PBO 0.62)"
 */
export function pboVerdict({
	pbo,
	combinations,
	level = 0.95
}: {
	pbo: number;
	combinations: number;
	level?: number;
}): string {
	if (Number.isNaN(pbo)) return 'overfitting risk unknown: not enough data for CSCV';
	const what = `the in-sample winner finished at or below the out-of-sample median in ${Math.round(pbo * 100)}% of ${combinations} splits (PBO ${formatProbability(pbo)})`;
	if (pbo <= 1 - level) return `low overfitting risk: ${what}`;
	if (pbo < 0.5) return `material overfitting risk: ${what}`;
	return `likely overfit: ${what}`;
}
