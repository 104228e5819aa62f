/**
 * Pearson correlation over the pairs where both values are finite (others are skipped, so a
 * signal's warm-up NaNs and the last bars' missing forward returns drop out):
 * Σ (x − x̄)(y − ȳ) / √(Σ (x − x̄)² · Σ (y − ȳ)²), with the means over the kept pairs.
 *
 * @returns null for fewer than two pairs or zero variance in either.
 * @example
 * pearsonCorrelation(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7)); // ≈ 0.9934
 */
export function pearsonCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
	const n = Math.min(x.length, y.length);
	let count = 0;
	let sx = 0;
	let sy = 0;
	for (let i = 0; i < n; i++)
		if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
			count++;
			sx += x[i];
			sy += y[i];
		}
	if (count < 2) return null;
	const mx = sx / count;
	const my = sy / count;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++)
		if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
			const dx = x[i] - mx;
			const dy = y[i] - my;
			sxy += dx * dy;
			sxx += dx * dx;
			syy += dy * dy;
		}
	return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}
