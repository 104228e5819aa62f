/**
 * Draws the maximum of a Brownian bridge: a Brownian path that starts at 0 and is known to end at `end`
 * after accumulating `variance`. Given the endpoint, P(max ≥ m) = exp(−2m(m − end)/variance) for
 * m ≥ max(0, end) (Borodin & Salminen, *Handbook of Brownian Motion*, 2nd ed. 2002, formula 1.1.8;
 * Glasserman, *Monte Carlo Methods in Financial Engineering*, 2004, §6.4); inverting it at a uniform
 * `u` gives m = (end + √(end² − 2·variance·ln u)) / 2. The drift does not matter once the endpoint is
 * fixed. The minimum follows by symmetry: `−bridgeMax(−end, variance, u)`.
 *
 * @param u uniform in (0, 1]; `u = 1` gives the smallest possible maximum, max(0, end).
 * @example
 * bridgeMax(0.01, 0, 0.3); // 0.01: with no variance the path is a straight line
 * bridgeMax(0, 1e-4, Math.exp(-1)); // ≈ 0.00707 = √(2e-4) / 2
 */
export function bridgeMax(end: number, variance: number, u: number): number {
	return (end + Math.sqrt(end * end - 2 * variance * Math.log(u))) / 2;
}
