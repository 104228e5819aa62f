export interface MixtureSprtOptions {
	/** Type-I error bound α: reject "no difference" when Λ ≥ 1/α. Default 0.05. */
	alpha?: number;
	/**
	 * Standard deviation τ of the normal mixing distribution over the effect, in units of σ (the
	 * standardised effect size the test is tuned for). Default 0.1.
	 */
	effect?: number;
	/** Observations before σ is estimated and the test may stop. Default 30. */
	burnIn?: number;
	/** The mean under the null, θ₀. Default 0. */
	nullMean?: number;
}

export interface MixtureSprtState {
	n: number;
	mean: number;
	sd: number;
	/** The mixture likelihood ratio Λₙ (1 during burn-in). */
	lambda: number;
	/** Always-valid p-value pₙ = min(1, min_{k ≤ n} 1/Λ_k). */
	pValue: number;
	/** pₙ ≤ α: the difference is significant, and stays so. */
	significant: boolean;
}

/**
 * A mixture sequential probability ratio test (mSPRT) on a stream of observations, e.g. per-bar
 * return differences challenger − champion: Johari, Pekelis & Walsh, "Always Valid Inference:
 * Continuous Monitoring of A/B Tests", *Operations Research* 70(3), 2022 (arXiv 1512.04922), and
 * Johari, Koomen, Pekelis & Walsh, "Peeking at A/B Tests", KDD 2017; after Robbins (1970).
 *
 * With a normal mixture N(θ₀, τ²) over the mean of N(θ, σ²) data, after n observations with mean x̄:
 *
 *   Λₙ = √(σ² / (σ² + nτ²)) · exp( n²τ²(x̄ − θ₀)² / (2σ²(σ² + nτ²)) ),
 *
 * and pₙ = min(1, min_k 1/Λ_k) is a p-value that is valid however often it is looked at (Ville's
 * inequality: P₀(sup Λₙ ≥ 1/α) ≤ α). Here σ is the running sample standard deviation after a burn-in
 * and τ = effect · σ (a plug-in, as the cited work does for unknown variance): the guarantee is then
 * approximate, which the spec checks by simulation. Returns are fat-tailed and autocorrelated, so
 * read the result as a monitoring rule, not an exact test.
 *
 * @example
 * const test = new MixtureSprt({ alpha: 0.05 });
 * for (const d of diffs) if (test.push(d).significant) break;
 */
export class MixtureSprt {
	readonly #alpha: number;
	readonly #effect: number;
	readonly #burnIn: number;
	readonly #nullMean: number;
	#n = 0;
	#mean = 0;
	#m2 = 0;
	#lambda = 1;
	#p = 1;

	constructor(options: MixtureSprtOptions = {}) {
		this.#alpha = options.alpha ?? 0.05;
		this.#effect = options.effect ?? 0.1;
		this.#burnIn = options.burnIn ?? 30;
		this.#nullMean = options.nullMean ?? 0;
		if (!(this.#alpha > 0 && this.#alpha < 1))
			throw new RangeError('MixtureSprt: alpha must be in (0, 1)');
		if (!(this.#effect > 0 && this.#effect < Infinity))
			throw new RangeError('MixtureSprt: effect must be > 0');
		if (!(Number.isInteger(this.#burnIn) && this.#burnIn >= 2))
			throw new RangeError('MixtureSprt: burnIn must be an integer ≥ 2');
	}

	/** Adds one observation (non-finite values are ignored) and returns the state after it. */
	push(x: number): MixtureSprtState {
		if (Number.isFinite(x)) {
			// Welford's update: stable for long streams of small returns.
			this.#n++;
			const delta = x - this.#mean;
			this.#mean += delta / this.#n;
			this.#m2 += delta * (x - this.#mean);
			if (this.#n >= this.#burnIn) {
				const variance = this.#m2 / (this.#n - 1);
				if (variance > 0) {
					const n = this.#n;
					const tau2 = this.#effect * this.#effect * variance;
					const gap = this.#mean - this.#nullMean;
					const log =
						0.5 * Math.log(variance / (variance + n * tau2)) +
						(n * n * tau2 * gap * gap) / (2 * variance * (variance + n * tau2));
					this.#lambda = Math.exp(log);
					this.#p = Math.min(this.#p, 1 / this.#lambda);
				}
			}
		}
		return this.state();
	}

	state(): MixtureSprtState {
		const sd = this.#n > 1 ? Math.sqrt(this.#m2 / (this.#n - 1)) : NaN;
		return {
			n: this.#n,
			mean: this.#n > 0 ? this.#mean : NaN,
			sd,
			lambda: this.#lambda,
			pValue: Math.min(1, this.#p),
			significant: this.#p <= this.#alpha
		};
	}
}
