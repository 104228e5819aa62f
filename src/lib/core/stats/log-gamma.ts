/**
 * ln Γ(x) for x > 0, by the Lanczos approximation with g = 7 and nine coefficients (Lanczos, "A
 * precision approximation of the gamma function", *SIAM J. Numer. Anal. B* 1, 1964; coefficients of
 * Godfrey, as tabulated in Numerical Recipes 3rd ed. §6.1 and widely reused), with the reflection
 * Γ(x)Γ(1 − x) = π / sin(πx) below ½. About 15 significant digits: agrees with
 * `scipy.special.gammaln` to ≤ 1e−13 relative in the tests.
 *
 * NaN for NaN or x ≤ 0 (the poles and the negative axis are outside what the statistics need).
 *
 * @example
 * logGamma(0.5); // ln √π ≈ 0.5723649429247001
 */
export function logGamma(x: number): number {
	if (!(x > 0)) return NaN;
	if (x === Infinity) return Infinity;
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	const z = x - 1;
	let sum = LANCZOS[0];
	for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
	const t = z + G + 0.5;
	return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const G = 7;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
	-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
	1.5056327351493116e-7
];
