import type { BootstrapInterval } from './bootstrap-ci';
import type { DieboldMarianoResult } from './diebold-mariano';
import { formatLevel, formatNumber, formatPValue } from './verdict-format';

export type ComparisonInput =
	| {
			kind: 'diebold-mariano';
			result: DieboldMarianoResult;
			nameA: string;
			nameB: string;
			/** Confidence level. Default 0.95. */
			level?: number;
	  }
	| {
			kind: 'interval';
			/** A `bootstrapDifferenceCi` of statistic(A) − statistic(B). */
			interval: BootstrapInterval;
			nameA: string;
			nameB: string;
			/** What was compared, e.g. "Sharpe ratio". */
			quantity: string;
			/** Default true (Sharpe, return); false for losses and drawdowns. */
			higherIsBetter?: boolean;
	  };

/**
 * One plain-language line for a comparison of two models (DESIGN §4: "every comparison with a
 * confidence interval or a test"). Diebold–Mariano: a winner is named only when the two-sided p-value
 * is below 1 − level, and it is the model with the lower mean loss. Difference interval: a winner is
 * named only when the interval excludes 0; otherwise the two are called indistinguishable.
 *
 * @example
 * comparisonVerdict({ kind: 'interval', interval, nameA: 'LSTM', nameB: 'Buy & hold', quantity: 'Sharpe ratio' });
 * // "LSTM and Buy & hold are indistinguishable on Sharpe ratio at 95%: difference 0.04 [−0.05, 0.13]"
 */
export function comparisonVerdict(input: ComparisonInput): string {
	const { nameA, nameB } = input;
	if (input.kind === 'diebold-mariano') {
		const { pValue, meanDifference, n } = input.result;
		const level = input.level ?? 0.95;
		if (Number.isNaN(pValue)) return `not enough data to compare ${nameA} and ${nameB}`;
		const evidence = `(Diebold–Mariano, ${formatPValue(pValue)}, n = ${n})`;
		if (pValue >= 1 - level)
			return `no significant difference in accuracy between ${nameA} and ${nameB} at ${formatLevel(level)} ${evidence}`;
		const [winner, loser] = meanDifference < 0 ? [nameA, nameB] : [nameB, nameA];
		return `${winner} forecasts better than ${loser} at ${formatLevel(level)} ${evidence}`;
	}
	const { estimate, lower, upper, level } = input.interval;
	if ([estimate, lower, upper].some(Number.isNaN))
		return `not enough data to compare ${nameA} and ${nameB}`;
	const detail = `difference ${formatNumber(estimate)} [${formatNumber(lower)}, ${formatNumber(upper)}]`;
	const at = `at ${formatLevel(level)}`;
	if (lower <= 0 && upper >= 0)
		return `${nameA} and ${nameB} are indistinguishable on ${input.quantity} ${at}: ${detail}`;
	const aAhead = lower > 0 === (input.higherIsBetter ?? true);
	const [winner, loser] = aAhead ? [nameA, nameB] : [nameB, nameA];
	return `${winner} beats ${loser} on ${input.quantity} ${at}: ${detail}`;
}
