import { normalCdf } from './normal-cdf';

/**
 * The standard normal quantile Φ⁻¹(p): the x with Φ(x) = p.
 *
 * Starts from Peter J. Acklam's rational approximation ("An algorithm for computing the inverse
 * normal cumulative distribution function", 2003; relative error ≤ 1.15e−9, central region
 * |p − ½| ≤ 0.47575, tails via q = √(−2 ln p)), then takes one Halley step on Φ(x) − p, as Acklam
 * recommends: with e = Φ(x) − p and u = e·√(2π)·e^{x²/2}, x ← x − u / (1 + x·u/2). Because
 * `normalCdf` is accurate to near machine precision in the lower tail, the refined result agrees
 * with `scipy.stats.norm.ppf` to ≤ 1e−13 relative. For p > ½ it returns −Φ⁻¹(1 − p) (1 − p is exact
 * there), so the refinement always works in the well-conditioned lower tail.
 *
 * NaN for NaN or p outside [0, 1]; −∞ at 0 and +∞ at 1.
 *
 * @example
 * normalQuantile(0.975); // ≈ 1.959963984540054
 */
export function normalQuantile(p: number): number {
	if (!(p >= 0 && p <= 1)) return NaN;
	if (p === 0) return -Infinity;
	if (p === 1) return Infinity;
	if (p > 0.5) return -normalQuantile(1 - p);
	const x = acklam(p);
	const e = normalCdf(x) - p;
	const u = e * SQRT_2PI * Math.exp((x * x) / 2);
	// e^{x²/2} overflows only below p ≈ 1e−308, where Acklam alone is already as good as the input.
	return Number.isFinite(u) ? x - u / (1 + (x * u) / 2) : x;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const A = [
	-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
	-3.066479806614716e1, 2.506628277459239
];
const B = [
	-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
	-1.328068155288572e1
];
const C = [
	-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
	4.374664141464968, 2.938163982698783
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Acklam's approximation for 0 < p ≤ ½ (relative error ≤ 1.15e−9). */
export function acklam(p: number): number {
	if (p < P_LOW) {
		const q = Math.sqrt(-2 * Math.log(p));
		return (
			(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
			((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
		);
	}
	const q = p - 0.5;
	const r = q * q;
	return (
		((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
		(((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
	);
}
