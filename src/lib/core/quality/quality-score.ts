/** The share of bars (0–1) affected by each kind of finding that costs points. */
export interface FindingShares {
	invalidCells: number;
	nonPositivePrices: number;
	ohlcInconsistent: number;
	duplicates: number;
	nonMonotonic: number;
	outliers: number;
	/** Missing bars over (bars + missing bars). */
	gaps: number;
	/** Zero- or negative-volume bars. */
	volume: number;
}

/**
 * Points lost per whole share of bars affected. Unusable values, impossible prices and outliers cost
 * most (they corrupt returns); a duplicate, a contradictory bar or a missing bar is one bad bar; order
 * and volume problems are fixable or minor.
 */
export const SCORE_WEIGHTS: Readonly<FindingShares> = {
	invalidCells: 2,
	nonPositivePrices: 2,
	ohlcInconsistent: 1,
	duplicates: 1,
	nonMonotonic: 0.5,
	outliers: 2,
	gaps: 1,
	volume: 0.5
};

/**
 * The 0–100 quality score: 100 · max(0, 1 − Σₖ wₖ · sₖ), with sₖ the share of bars affected by
 * finding k and wₖ its weight in `SCORE_WEIGHTS`, rounded to one decimal. 100 means no finding; 1%
 * of bars unreadable costs 2 points; a newest-first file (every bar but one out of order) scores 50.
 * Short gaps within the holiday tolerance cost nothing. `penalties` gives the points each finding cost.
 *
 * @example
 * qualityScore({ ...noShares, invalidCells: 0.01 }).score; // 98
 */
export function qualityScore(shares: FindingShares): {
	score: number;
	penalties: FindingShares;
} {
	const penalties = { ...shares };
	let lost = 0;
	for (const key of Object.keys(SCORE_WEIGHTS) as (keyof FindingShares)[]) {
		penalties[key] = 100 * SCORE_WEIGHTS[key] * shares[key];
		lost += penalties[key];
	}
	return { score: Math.round(10 * Math.max(0, 100 - lost)) / 10, penalties };
}
