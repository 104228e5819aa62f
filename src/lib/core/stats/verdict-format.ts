/** Number formats shared by the verdicts, so every sentence in the arena reads the same way. */

/** A confidence level as a percentage: 0.95 → "95%", 0.975 → "97.5%". */
export const formatLevel = (level: number): string => `${+(level * 100).toFixed(1)}%`;

/** A probability (PSR, DSR, PBO) to two decimals. */
export const formatProbability = (p: number): string => p.toFixed(2);

/** A p-value to three decimals, or "p < 0.001". */
export const formatPValue = (p: number): string =>
	p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;

/** A signed estimate to at most three significant digits (no padding zeros) with a true minus sign. */
export const formatNumber = (x: number): string =>
	String(Number(x.toPrecision(3))).replace('-', '−');
