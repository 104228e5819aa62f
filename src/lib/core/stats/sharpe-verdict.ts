import { formatLevel, formatProbability } from './verdict-format';

export interface SharpeVerdictInput {
	/** Probabilistic Sharpe Ratio against 0 (or the stated benchmark). */
	psr: number;
	/** Deflated Sharpe Ratio; omit when the strategy was the only one tried. */
	dsr?: number;
	/** Number of trials behind `dsr` (1 if none). */
	trials?: number;
	/** Confidence level. Default 0.95. */
	level?: number;
}

/**
 * One plain-language line for a Sharpe ratio, honest about selection (DESIGN §4: "every Sharpe ratio
 * travels with its trial count, PSR and DSR"). The DSR decides whenever more than one trial was run;
 * the PSR alone decides only for a single, pre-registered trial. "Likely skill" means the probability
 * that the true Sharpe exceeds the (deflated) benchmark is at least `level`; "likely losing" means
 * PSR ≤ 1 − level, i.e. the true Sharpe is probably below 0.
 *
 * @example
 * sharpeVerdict({ psr: 0.98, dsr: 0.62, trials: 40 });
 * // "indistinguishable from luck at 95% after 40 trials (DSR 0.62; PSR 0.98 before the correction)"
 */
export function sharpeVerdict({ psr, dsr, trials = 1, level = 0.95 }: SharpeVerdictInput): string {
	if (Number.isNaN(psr)) return 'not enough data to judge this Sharpe ratio';
	const at = `at ${formatLevel(level)}`;
	const PSR = `PSR ${formatProbability(psr)}`;
	if (psr <= 1 - level)
		return `likely losing ${at}: the true Sharpe ratio is probably below 0 (${PSR})`;
	if (trials <= 1 || dsr === undefined || Number.isNaN(dsr)) {
		const note = trials <= 1 ? 'one trial' : `${trials} trials, no DSR`;
		return psr >= level
			? `likely skill ${at} (${PSR}, ${note})`
			: `indistinguishable from luck ${at} (${PSR}, ${note})`;
	}
	const DSR = `DSR ${formatProbability(dsr)}`;
	if (dsr >= level) return `likely skill ${at} even after ${trials} trials (${DSR}, ${PSR})`;
	if (psr >= level)
		return `indistinguishable from luck ${at} after ${trials} trials (${DSR}; ${PSR} before the correction)`;
	return `indistinguishable from luck ${at} (${DSR} after ${trials} trials, ${PSR})`;
}
