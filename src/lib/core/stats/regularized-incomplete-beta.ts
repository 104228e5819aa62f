import { logGamma } from './log-gamma';

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), for a, b > 0 and
 * 0 ≤ x ≤ 1.
 *
 * I_x(a, b) = x^a (1 − x)^b / (a·B(a, b)) · 1/(1 + d₁/(1 + d₂/(1 + …))), with
 * d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)) and d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m)),
 * evaluated by the modified Lentz method, and the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) when
 * x > (a + 1)/(a + b + 2) so the fraction always converges fast (Numerical Recipes 3rd ed. §6.4,
 * `betai`/`betacf`; Lentz, *Applied Optics* 15(3), 1976). Agrees with `scipy.special.betainc` to
 * ≤ 1e−13 relative in the tests.
 *
 * @param complement 1 − x, when the caller knows it more accurately than the subtraction would give
 *   (e.g. t²/(ν + t²) for the Student-t tail). Defaults to 1 − x.
 * @returns NaN for NaN or out-of-domain arguments.
 * @example
 * regularizedIncompleteBeta(0.2, 2, 3); // 0.1808
 */
export function regularizedIncompleteBeta(
	x: number,
	a: number,
	b: number,
	complement = 1 - x
): number {
	if (!(x >= 0 && x <= 1 && a > 0 && b > 0 && complement >= 0 && complement <= 1)) return NaN;
	if (x === 0) return 0;
	if (complement === 0) return 1;
	const logFront =
		logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(complement);
	const front = Math.exp(logFront);
	if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
	return 1 - (front * betaContinuedFraction(complement, b, a)) / b;
}

const EPS = 1e-16;
const FPMIN = 1e-300;
// The fraction needs O(√max(a, b)) terms; 10 000 covers a = ν/2 for ν far beyond any sample here.
const MAX_ITERATIONS = 10_000;

function betaContinuedFraction(x: number, a: number, b: number): number {
	const qab = a + b;
	const qap = a + 1;
	const qam = a - 1;
	let c = 1;
	let d = 1 - (qab * x) / qap;
	if (Math.abs(d) < FPMIN) d = FPMIN;
	d = 1 / d;
	let h = d;
	for (let m = 1; m <= MAX_ITERATIONS; m++) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < FPMIN) d = FPMIN;
		c = 1 + aa / c;
		if (Math.abs(c) < FPMIN) c = FPMIN;
		d = 1 / d;
		h *= d * c;
		aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < FPMIN) d = FPMIN;
		c = 1 + aa / c;
		if (Math.abs(c) < FPMIN) c = FPMIN;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < EPS) break;
	}
	return h;
}
