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
	const invC = new Float64Array(n); // 1/cₜ, the forward scales' reciprocals
	const gamma = new Float64Array(2 * n); // γₜ, kept from the backward pass for the variances
	const logLik: number[] = [];

	for (let iter = 0; iter < maxIter; iter++) {
		const { a, pi, mu: m, sigma2: s2 } = model;
		const [a00, a01, a10, a11] = a;
		const [mu0, mu1] = m;
		// ln N(x; μ, σ²) = k − (x − μ)²·h with k = −½(ln 2π + ln σ²) and h = 1/(2σ²), once per iteration.
		const k0 = -0.5 * (LOG_2PI + Math.log(s2[0]));
		const k1 = -0.5 * (LOG_2PI + Math.log(s2[1]));
		const h0 = 0.5 / s2[0];
		const h1 = 0.5 / s2[1];
		// E-step: scaled forward pass (each αₜ sums to 1; cₜ the scale) and log-likelihood
		// ℓ = Σ (mₜ + ln cₜ), mₜ the larger log density. The densities are scaled by e^−mₜ, so one of
		// them is exactly 1 and only the other needs an exp; the ln cₜ are taken as the ln of running
		// products (cₜ ≤ 1; flushed before they leave the normal range), not one ln per point.
		let ll = 0;
		let prod = 1;
		let p0 = pi[0];
		let p1 = pi[1];
		for (let t = 0; t < n; t++) {
			const xt = x[t];
			const d0 = xt - mu0;
			const d1 = xt - mu1;
			const l0 = k0 - d0 * d0 * h0;
			const l1 = k1 - d1 * d1 * h1;
			let e0 = 1;
			let e1 = 1;
			if (l0 >= l1) {
				e1 = Math.exp(l1 - l0);
				ll += l0;
			} else {
				e0 = Math.exp(l0 - l1);
				ll += l1;
			}
			b[2 * t] = e0;
			b[2 * t + 1] = e1;
			const f0 = p0 * e0;
			const f1 = p1 * e1;
			const ct = f0 + f1;
			const inv = 1 / ct;
			invC[t] = inv;
			const q0 = f0 * inv;
			const q1 = f1 * inv;
			alpha[2 * t] = q0;
			alpha[2 * t + 1] = q1;
			if (ct < 1e-50) ll += Math.log(ct);
			else {
				prod *= ct;
				if (prod < 1e-250) {
					ll += Math.log(prod);
					prod = 1;
				}
			}
			p0 = q0 * a00 + q1 * a10;
			p1 = q0 * a01 + q1 * a11;
		}
		ll += Math.log(prod);
		logLik.push(ll);
		if (iter > 0 && ll - logLik[iter - 1] < tol * (1 + Math.abs(ll))) break;
		// Backward pass with the same scales, fused with the M-step's sums over γ (state posteriors)
		// and ξ (transition posteriors): at step t, βₜ₊₁ and the weights wⱼ = bⱼ(xₜ₊₁)βₜ₊₁(j)/cₜ₊₁
		// give both βₜ and ξₜ.
		let xi00 = 0;
		let xi01 = 0;
		let xi10 = 0;
		let xi11 = 0;
		let g0Sum = 0;
		let g1Sum = 0;
		let gx0 = 0;
		let gx1 = 0;
		// γ at the last point is αₙ₋₁ (βₙ₋₁ = 1).
		let beta0 = 1;
		let beta1 = 1;
		{
			const t = n - 1;
			const s = alpha[2 * t] + alpha[2 * t + 1];
			const g0 = alpha[2 * t] / s;
			const g1 = alpha[2 * t + 1] / s;
			gamma[2 * t] = g0;
			gamma[2 * t + 1] = g1;
			g0Sum += g0;
			g1Sum += g1;
			gx0 += g0 * x[t];
			gx1 += g1 * x[t];
		}
		for (let t = n - 2; t >= 0; t--) {
			const inv = invC[t + 1];
			const w0 = b[2 * t + 2] * beta0 * inv;
			const w1 = b[2 * t + 3] * beta1 * inv;
			const al0 = alpha[2 * t];
			const al1 = alpha[2 * t + 1];
			xi00 += al0 * a00 * w0;
			xi01 += al0 * a01 * w1;
			xi10 += al1 * a10 * w0;
			xi11 += al1 * a11 * w1;
			beta0 = a00 * w0 + a01 * w1;
			beta1 = a10 * w0 + a11 * w1;
			let g0 = al0 * beta0;
			let g1 = al1 * beta1;
			const s = 1 / (g0 + g1);
			g0 *= s;
			g1 *= s;
			gamma[2 * t] = g0;
			gamma[2 * t + 1] = g1;
			g0Sum += g0;
			g1Sum += g1;
			gx0 += g0 * x[t];
			gx1 += g1 * x[t];
		}
		const mu: [number, number] = [gx0 / g0Sum, gx1 / g1Sum];
		let ss0 = 0;
		let ss1 = 0;
		for (let t = 0; t < n; t++) {
			const d0 = x[t] - mu[0];
			const d1 = x[t] - mu[1];
			ss0 += gamma[2 * t] * d0 * d0;
			ss1 += gamma[2 * t + 1] * d1 * d1;
		}
		const row0 = xi00 + xi01;
		const row1 = xi10 + xi11;
		const next: GaussianHmm2 = {
			pi: [gamma[0], gamma[1]],
			a: Float64Array.of(xi00 / row0, xi01 / row0, xi10 / row1, xi11 / row1),
			mu,
			sigma2: [Math.max(ss0 / g0Sum, varFloor), Math.max(ss1 / g1Sum, varFloor)]
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
	const { a, mu, sigma2 } = model;
	// The emission densities, both divided by e^max(l₀, l₁) so neither underflows.
	const l0 = -0.5 * (LOG_2PI + Math.log(sigma2[0]) + (x - mu[0]) ** 2 / sigma2[0]);
	const l1 = -0.5 * (LOG_2PI + Math.log(sigma2[1]) + (x - mu[1]) ** 2 / sigma2[1]);
	const m = Math.max(l0, l1);
	const q1 = Number.isNaN(prev) ? model.pi[1] : prev;
	const q0 = 1 - q1;
	const p0 = Number.isNaN(prev) ? q0 : q0 * a[0] + q1 * a[2];
	const p1 = Number.isNaN(prev) ? q1 : q0 * a[1] + q1 * a[3];
	const f0 = p0 * Math.exp(l0 - m);
	const f1 = p1 * Math.exp(l1 - m);
	return f1 / (f0 + f1);
}
