/**
 * The standard normal distribution function Φ(x) = P(Z ≤ x), Z ~ N(0, 1).
 *
 * Φ(x) = ½·erfc(−x/√2) and erfc(z) = Q(½, z²), the regularized upper incomplete gamma function, so
 * both tails come from the series / continued-fraction pair of Numerical Recipes (Press, Teukolsky,
 * Vetterling & Flannery, *Numerical Recipes*, 3rd ed., 2007, §6.2 `gser`/`gcf`): the power series
 * for P(½, s) when s = x²/2 < 1.5, and the Legendre continued fraction for Q(½, s), evaluated by the
 * modified Lentz method (Lentz, *Applied Optics* 15(3), 1976; Thompson & Barnett, *J. Comput.
 * Phys.* 64, 1986), otherwise. The lower tail is computed directly, never as 1 − (something near 1),
 * so Φ(−30) ≈ 4.9e−198 keeps full relative precision; the upper half is 1 − (lower tail of −x).
 * Agrees with `scipy.stats.norm.cdf` to ≤ 1e−14 relative in the tests.
 *
 * NaN in, NaN out; Φ(−∞) = 0, Φ(∞) = 1.
 *
 * @example
 * normalCdf(1.959963984540054); // ≈ 0.975
 */
export function normalCdf(x: number): number {
	if (Number.isNaN(x)) return NaN;
	return x <= 0 ? lowerTail(x) : 1 - lowerTail(-x);
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const EPS = 1e-16;
const FPMIN = 1e-300;

/** Φ(x) for x ≤ 0, i.e. ½·Q(½, x²/2). */
function lowerTail(x: number): number {
	const s = (x * x) / 2;
	if (s === Infinity) return 0;
	// e^{−s}·s^{½}/Γ(½) = e^{−x²/2}·|x|/√(2π): the common prefactor of P(½, s) and Q(½, s).
	const prefactor = (gaussianKernel(x) * -x) / SQRT_2PI;
	if (s < 1.5) return 0.5 * (1 - prefactor * gammaSeries(s));
	return 0.5 * prefactor * gammaContinuedFraction(s);
}

/**
 * e^{−x²/2} without the rounding of x² amplified by the exponent: split x = x₁ + (x − x₁) with x₁ a
 * multiple of 1/16 (so x₁² is exact), e^{−x²/2} = e^{−x₁²/2}·e^{−(x − x₁)(x + x₁)/2} (Cody's trick, as
 * in W. J. Cody, "Algorithm 715", *ACM TOMS* 19(1), 1993).
 */
function gaussianKernel(x: number): number {
	const x1 = Math.trunc(x * 16) / 16;
	return Math.exp((-x1 * x1) / 2) * Math.exp((-(x - x1) * (x + x1)) / 2);
}

/** Σ of the series P(½, s) = prefactor · Σ_{k≥0} s^k / (½·(3/2)···(½+k)). */
function gammaSeries(s: number): number {
	let ap = 0.5;
	let term = 1 / ap;
	let sum = term;
	for (let k = 0; k < 500; k++) {
		ap += 1;
		term *= s / ap;
		sum += term;
		if (Math.abs(term) < Math.abs(sum) * EPS) break;
	}
	return sum;
}

/** The continued fraction of Q(½, s) (even contraction of Legendre's), by modified Lentz. */
function gammaContinuedFraction(s: number): number {
	const a = 0.5;
	let b = s + 1 - a;
	let c = 1 / FPMIN;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < 500; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < FPMIN) d = FPMIN;
		c = b + an / c;
		if (Math.abs(c) < FPMIN) c = FPMIN;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < EPS) break;
	}
	return h;
}
