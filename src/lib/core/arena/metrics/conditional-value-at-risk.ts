import { tailCount } from './value-at-risk';

/**
 * Historical conditional value at risk (expected shortfall) at `level` (default 0.95), as a positive
 * loss per period: minus the mean of the k worst returns, k = ⌈(1 − level) · n⌉ — the same tail
 * whose largest member is `valueAtRisk` (Rockafellar & Uryasev, "Optimization of Conditional
 * Value-at-Risk", *Journal of Risk* 2(3), 2000; Acerbi & Tasche, "On the Coherence of Expected
 * Shortfall", *Journal of Banking & Finance* 26(7), 2002). Always ≥ VaR.
 *
 * @returns null for no returns or a level outside (0, 1).
 * @example
 * conditionalValueAtRisk(Float64Array.of(-0.05, -0.01, 0.02, 0.03), 0.5); // 0.03
 */
export function conditionalValueAtRisk(returns: Float64Array, level = 0.95): number | null {
	const n = returns.length;
	if (n === 0 || !(level > 0 && level < 1)) return null;
	const sorted = Float64Array.from(returns).sort();
	const k = tailCount(n, level);
	let sum = 0;
	for (let j = 0; j < k; j++) sum += sorted[j];
	return -sum / k;
}
