import type { SpaResult } from './hansen-spa';
import { formatLevel, formatPValue } from './verdict-format';

/**
 * One plain-language line for Hansen's SPA test: whether any of the K models beats the benchmark,
 * judged by the consistent p-value, naming the best model when it does.
 *
 * @example
 * spaVerdict({ result, benchmark: 'Buy & hold', modelNames: ['LSTM', 'GRU'] });
 * // "no model beats Buy & hold at 95% (Hansen SPA, p = 0.412, 2 models)"
 */
export function spaVerdict({
	result,
	benchmark,
	modelNames,
	level = 0.95
}: {
	result: SpaResult;
	benchmark: string;
	modelNames?: readonly string[];
	level?: number;
}): string {
	const K = result.meanDifferences.length;
	const evidence = `(Hansen SPA, ${formatPValue(result.pValue)}, ${K} model${K === 1 ? '' : 's'})`;
	if (result.pValue >= 1 - level || result.bestModel < 0)
		return `no model beats ${benchmark} at ${formatLevel(level)} ${evidence}`;
	const best = modelNames?.[result.bestModel] ?? `model ${result.bestModel + 1}`;
	return `at least one model beats ${benchmark} at ${formatLevel(level)}, best ${best} ${evidence}`;
}
