/**
 * Omega ratio at threshold θ (default 0): Σ max(r − θ, 0) / Σ max(θ − r, 0), the ratio of
 * probability-weighted gains to losses about θ (Keating & Shadwick, "A Universal Performance
 * Measure", *Journal of Performance Measurement* 6(3), 2002); the empirical form of
 * ∫_θ^∞ (1 − F) / ∫_{−∞}^θ F.
 *
 * @returns null when no return is below θ (or there are none).
 * @example
 * omegaRatio(Float64Array.of(0.03, -0.01, 0.01, -0.02)); // 0.04 / 0.03
 */
export function omegaRatio(returns: Float64Array, threshold = 0): number | null {
	let gains = 0;
	let losses = 0;
	for (const r of returns) {
		if (r > threshold) gains += r - threshold;
		else losses += threshold - r;
	}
	return losses > 0 ? gains / losses : null;
}
