import { CounterRng } from '../random/philox';
import { defaultMeanBlock } from './bootstrap-ci';
import { stationaryBootstrapIndices } from './stationary-bootstrap-indices';

export interface SpaOptions {
	/** Bootstrap resamples B. Default 1000. */
	resamples?: number;
	/** Mean block length of the stationary bootstrap. Default max(1, T^{1/3}). */
	meanBlock?: number;
	/** Philox seed. Default 0. */
	seed?: number;
}

export interface SpaResult {
	/** T^SPA = max(0, max_k √T·d̄_k/ω̂_k). */
	statistic: number;
	/** Consistent p-value (SPA_c): poor models recentred only past the −√(2 log log T) threshold. */
	pValue: number;
	/** Liberal bound (SPA_l): every model with d̄_k < 0 kept at its negative mean. */
	pValueLower: number;
	/** Conservative bound (SPA_u = White's Reality Check, studentised): every model recentred to 0. */
	pValueUpper: number;
	/** d̄_k: mean of (benchmark loss − model k loss); positive = model k beat the benchmark. */
	meanDifferences: Float64Array;
	/** ω̂_k: bootstrap estimate of the long-run standard deviation of √T·d̄_k. */
	omega: Float64Array;
	/** The model with the largest studentised mean (−1 if none has positive dispersion). */
	bestModel: number;
	resamples: number;
	meanBlock: number;
}

/**
 * Hansen's test for Superior Predictive Ability (Hansen, "A Test for Superior Predictive Ability",
 * *JBES* 23(4), 2005): H₀ "no model beats the benchmark", E[d_k] ≤ 0 for all k, with
 * d_{t,k} = L_{t,benchmark} − L_{t,k} given as a T×K row-major matrix.
 *
 * T^SPA = max(0, max_k √T·d̄_k/ω̂_k). Stationary-bootstrap (Politis & Romano 1994) means d̄*_{k,b} on
 * shared row indices give ω̂²_k = T·mean_b(d̄*_{k,b} − d̄_k)² (Hansen §2.3 allows this bootstrap
 * variance estimate) and, for each recentring g ∈ {l, c, u},
 * T*_b = max(0, max_k √T·(d̄*_{k,b} − g(d̄_k))/ω̂_k), p = #{T*_b ≥ T^SPA}/B, with
 * g_l(x) = max(x, 0), g_c(x) = x·1{√T·x/ω̂_k ≥ −√(2 log log T)}, g_u(x) = x (Hansen eq. 6 and §2.4).
 * g_l ≥ g_c ≥ g_u, so p_l ≤ p_c ≤ p_u on the same draws. SPA_c is the one to report: unlike White's
 * Reality Check (≈ SPA_u) it is not made conservative by adding poor models. The count uses ≥
 * where Hansen writes >: the two differ only on ties, and the floor at 0 makes T^SPA = 0 (no model
 * ahead of the benchmark) a tie with most T*_b — p must then be 1, not 0.
 *
 * NaN rule: a model with ω̂_k = 0 (constant differences) is left out of every maximum; NaN inputs
 * give NaN means and are likewise left out.
 *
 * @throws RangeError if lossDiffs.length ≠ T·K, T < 3, or K < 1.
 * @example
 * const spa = hansenSpa(diffs, T, K, { resamples: 1000, seed: 1 });
 * spa.pValue < 0.05; // some model beats the benchmark
 */
export function hansenSpa(
	lossDiffs: Float64Array,
	T: number,
	K: number,
	options: SpaOptions = {}
): SpaResult {
	if (!(
		Number.isInteger(T) &&
		Number.isInteger(K) &&
		T >= 3 &&
		K >= 1 &&
		lossDiffs.length === T * K
	)) {
		throw new RangeError('hansenSpa: lossDiffs must be a T×K matrix with T ≥ 3 and K ≥ 1');
	}
	const { resamples = 1000, meanBlock = defaultMeanBlock(T), seed = 0 } = options;
	const means = new Float64Array(K);
	for (let t = 0; t < T; t++) for (let k = 0; k < K; k++) means[k] += lossDiffs[t * K + k] / T;

	const rng = new CounterRng(seed);
	const bootMeans = new Float64Array(resamples * K);
	for (let b = 0; b < resamples; b++) {
		const row = bootMeans.subarray(b * K, (b + 1) * K);
		for (const t of stationaryBootstrapIndices(T, meanBlock, rng)) {
			for (let k = 0; k < K; k++) row[k] += lossDiffs[t * K + k];
		}
		for (let k = 0; k < K; k++) row[k] /= T;
	}
	const omega = new Float64Array(K);
	for (let b = 0; b < resamples; b++)
		for (let k = 0; k < K; k++) omega[k] += (bootMeans[b * K + k] - means[k]) ** 2;
	for (let k = 0; k < K; k++) omega[k] = Math.sqrt((T * omega[k]) / resamples);

	const rootT = Math.sqrt(T);
	const usable = (k: number) => omega[k] > 0;
	let statistic = 0;
	let bestModel = -1;
	let bestZ = -Infinity;
	for (let k = 0; k < K; k++) {
		if (!usable(k)) continue;
		const z = (rootT * means[k]) / omega[k];
		if (z > bestZ) [bestZ, bestModel] = [z, k];
		statistic = Math.max(statistic, z);
	}

	const threshold = -Math.sqrt(2 * Math.log(Math.log(T)));
	const centres = {
		lower: means.map((m) => Math.max(m, 0)),
		consistent: means.map((m, k) => ((rootT * m) / omega[k] >= threshold ? m : 0)),
		upper: means
	};
	const pValueFor = (centre: Float64Array) => {
		let exceed = 0;
		for (let b = 0; b < resamples; b++) {
			let stat = 0;
			for (let k = 0; k < K; k++) {
				if (usable(k))
					stat = Math.max(stat, (rootT * (bootMeans[b * K + k] - centre[k])) / omega[k]);
			}
			if (stat >= statistic) exceed++;
		}
		return exceed / resamples;
	};
	return {
		statistic,
		pValue: pValueFor(centres.consistent),
		pValueLower: pValueFor(centres.lower),
		pValueUpper: pValueFor(centres.upper),
		meanDifferences: means,
		omega,
		bestModel,
		resamples,
		meanBlock
	};
}
