/**
 * Two-state Gaussian hidden Markov model: fitting by EM (Baum–Welch with the scaled forward–backward
 * recursions of Rabiner 1989, §V.A) and the causal forward filter (Hamilton 1989). Pure functions
 * over Float64Arrays; no randomness (the start is built from the data's quantiles), so a fit is
 * reproducible.
 */

export interface GaussianHmm2 {
	/** Initial state probabilities. */
	pi: [number, number];
	/** Transition matrix, row-major: a[2i + j] = P(sₜ₊₁ = j | sₜ = i). */
	a: Float64Array;
	mu: [number, number];
	sigma2: [number, number];
}

export interface HmmFit {
	model: GaussianHmm2;
	/** Log-likelihood of the data under the model at the start of each EM iteration. */
	logLik: number[];
}

export interface HmmFitOptions {
	/** Upper bound on EM iterations (default 200). */
	maxIter?: number;
	/** Stop when the log-likelihood gains less than tol·(1 + |ℓ|) (default 1e-9). */
	tol?: number;
}

const LOG_2PI = Math.log(2 * Math.PI);

/** Emission densities bⱼ(x) divided by e^m (m = the larger log density); returns m. */
function emissions(model: GaussianHmm2, x: number, out: Float64Array, at: number): number {
	const { mu, sigma2 } = model;
	return scaledDensities(
		x,
		mu[0],
		sigma2[0],
		Math.log(sigma2[0]),
		mu[1],
		sigma2[1],
		Math.log(sigma2[1]),
		out,
		at
	);
}

/**
 * `emissions` with each state's ln σ² given: the fit computes them once per EM iteration rather
 * than twice per point (the same values in the same expression, so the same bits; ~1/3 of a
 * 504-point fit's time was these logs).
 */
function scaledDensities(
	x: number,
	mu0: number,
	s0: number,
	logS0: number,
	mu1: number,
	s1: number,
	logS1: number,
	out: Float64Array,
	at: number
): number {
	const l0 = -0.5 * (LOG_2PI + logS0 + (x - mu0) ** 2 / s0);
	const l1 = -0.5 * (LOG_2PI + logS1 + (x - mu1) ** 2 / s1);
	const m = Math.max(l0, l1);
	out[at] = Math.exp(l0 - m);
	out[at + 1] = Math.exp(l1 - m);
	return m;
}

/**
 * Deterministic start: equal means (the sample mean), the calm state's variance from the smaller
 * half of |x − x̄| and the volatile state's from the larger half, persistent transitions (0.95).
 */
export function initialHmm(x: Float64Array, varFloor: number): GaussianHmm2 {
	const n = x.length;
	let mean = 0;
	for (let i = 0; i < n; i++) mean += x[i];
	mean /= n;
	const dev = Float64Array.from(x, (v) => (v - mean) ** 2).sort();
	const half = n >> 1;
	let lo = 0;
	let hi = 0;
	for (let i = 0; i < half; i++) lo += dev[i];
	for (let i = half; i < n; i++) hi += dev[i];
	return {
		pi: [0.5, 0.5],
		a: Float64Array.of(0.95, 0.05, 0.05, 0.95),
		mu: [mean, mean],
		sigma2: [Math.max(lo / half, varFloor), Math.max(hi / (n - half), varFloor)]
	};
}

/**
 * Fits a two-state Gaussian HMM to x by EM. States are returned ordered by variance: state 1 is
 * the high-volatility state. Variances are floored at 1e-6 × the sample variance so a state cannot
 * collapse onto a single point (Rabiner 1989, §VI.D). Needs x.length ≥ 2.
 *
 * @example
 * const { model, logLik } = fitGaussianHmm2(returns);
 * model.sigma2[1] > model.sigma2[0]; // true
 */
export function fitGaussianHmm2(x: Float64Array, opts: HmmFitOptions = {}): HmmFit {
	const maxIter = opts.maxIter ?? 200;
	const tol = opts.tol ?? 1e-9;
	const n = x.length;
	let mean = 0;
	for (let i = 0; i < n; i++) mean += x[i];
	mean /= n;
	let v = 0;
	for (let i = 0; i < n; i++) v += (x[i] - mean) ** 2;
	const varFloor = Math.max((1e-6 * v) / n, Number.MIN_VALUE);

	let model = initialHmm(x, varFloor);
	const b = new Float64Array(2 * n);
	const alpha = new Float64Array(2 * n);
	const beta = new Float64Array(2 * n);
	const c = new Float64Array(n);
	const gamma = new Float64Array(2 * n); // γₜ, kept from the first M-step pass for the variances
	const logLik: number[] = [];

	for (let iter = 0; iter < maxIter; iter++) {
		const { a, pi, mu: m, sigma2: s2 } = model;
		const logS0 = Math.log(s2[0]);
		const logS1 = Math.log(s2[1]);
		// E-step: scaled forward pass (each αₜ sums to 1; cₜ the scale) and log-likelihood.
		let ll = 0;
		for (let t = 0; t < n; t++) {
			ll += scaledDensities(x[t], m[0], s2[0], logS0, m[1], s2[1], logS1, b, 2 * t);
			let p0: number;
			let p1: number;
			if (t === 0) {
				p0 = pi[0];
				p1 = pi[1];
			} else {
				p0 = alpha[2 * t - 2] * a[0] + alpha[2 * t - 1] * a[2];
				p1 = alpha[2 * t - 2] * a[1] + alpha[2 * t - 1] * a[3];
			}
			const f0 = p0 * b[2 * t];
			const f1 = p1 * b[2 * t + 1];
			c[t] = f0 + f1;
			alpha[2 * t] = f0 / c[t];
			alpha[2 * t + 1] = f1 / c[t];
			ll += Math.log(c[t]);
		}
		logLik.push(ll);
		if (iter > 0 && ll - logLik[iter - 1] < tol * (1 + Math.abs(ll))) break;
		// Backward pass with the same scales.
		beta[2 * n - 2] = 1;
		beta[2 * n - 1] = 1;
		for (let t = n - 2; t >= 0; t--) {
			const w0 = b[2 * t + 2] * beta[2 * t + 2];
			const w1 = b[2 * t + 3] * beta[2 * t + 3];
			beta[2 * t] = (a[0] * w0 + a[1] * w1) / c[t + 1];
			beta[2 * t + 1] = (a[2] * w0 + a[3] * w1) / c[t + 1];
		}
		// M-step from γ (state posteriors) and ξ (transition posteriors).
		const xi = [0, 0, 0, 0];
		const gFrom = [0, 0];
		const g = [0, 0];
		const gx = [0, 0];
		let pi0 = 0;
		let pi1 = 0;
		for (let t = 0; t < n; t++) {
			let g0 = alpha[2 * t] * beta[2 * t];
			let g1 = alpha[2 * t + 1] * beta[2 * t + 1];
			const s = g0 + g1;
			g0 /= s;
			g1 /= s;
			gamma[2 * t] = g0;
			gamma[2 * t + 1] = g1;
			if (t === 0) {
				pi0 = g0;
				pi1 = g1;
			}
			g[0] += g0;
			g[1] += g1;
			gx[0] += g0 * x[t];
			gx[1] += g1 * x[t];
			if (t < n - 1) {
				gFrom[0] += g0;
				gFrom[1] += g1;
				const w0 = (b[2 * t + 2] * beta[2 * t + 2]) / c[t + 1];
				const w1 = (b[2 * t + 3] * beta[2 * t + 3]) / c[t + 1];
				xi[0] += alpha[2 * t] * a[0] * w0;
				xi[1] += alpha[2 * t] * a[1] * w1;
				xi[2] += alpha[2 * t + 1] * a[2] * w0;
				xi[3] += alpha[2 * t + 1] * a[3] * w1;
			}
		}
		const mu: [number, number] = [gx[0] / g[0], gx[1] / g[1]];
		const ss = [0, 0];
		for (let t = 0; t < n; t++) {
			ss[0] += gamma[2 * t] * (x[t] - mu[0]) ** 2;
			ss[1] += gamma[2 * t + 1] * (x[t] - mu[1]) ** 2;
		}
		const row0 = xi[0] + xi[1];
		const row1 = xi[2] + xi[3];
		const next: GaussianHmm2 = {
			pi: [pi0, pi1],
			a: Float64Array.of(xi[0] / row0, xi[1] / row0, xi[2] / row1, xi[3] / row1),
			mu,
			sigma2: [Math.max(ss[0] / g[0], varFloor), Math.max(ss[1] / g[1], varFloor)]
		};
		// A state that lost all weight keeps its previous parameters rather than turning NaN.
		if (![...next.a, ...next.mu, ...next.sigma2].every(Number.isFinite)) break;
		model = next;
	}
	return { model: orderByVariance(model), logLik };
}

/** Relabels the states so that state 1 has the larger variance. */
function orderByVariance(m: GaussianHmm2): GaussianHmm2 {
	if (m.sigma2[1] >= m.sigma2[0]) return m;
	return {
		pi: [m.pi[1], m.pi[0]],
		a: Float64Array.of(m.a[3], m.a[2], m.a[1], m.a[0]),
		mu: [m.mu[1], m.mu[0]],
		sigma2: [m.sigma2[1], m.sigma2[0]]
	};
}

/**
 * One step of the forward (Hamilton) filter: from P(sₜ₋₁ = 1 | x≤ₜ₋₁) (or, with `prev` NaN, the
 * model's initial distribution) to P(sₜ = 1 | x≤ₜ). Uses only data up to t.
 */
export function filterStep(model: GaussianHmm2, prev: number, x: number): number {
	const scratch = new Float64Array(2);
	emissions(model, x, scratch, 0);
	const { a } = model;
	const q1 = Number.isNaN(prev) ? model.pi[1] : prev;
	const q0 = 1 - q1;
	const p0 = Number.isNaN(prev) ? q0 : q0 * a[0] + q1 * a[2];
	const p1 = Number.isNaN(prev) ? q1 : q0 * a[1] + q1 * a[3];
	const f0 = p0 * scratch[0];
	const f1 = p1 * scratch[1];
	return f1 / (f0 + f1);
}
