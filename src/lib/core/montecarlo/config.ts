import { err, ok, type Result } from '../result';

/** One regime of a switching model: per-step drift and volatility of the GBM it follows. */
export interface Regime {
	mu: number;
	sigma: number;
}

/**
 * How a path's per-step log returns are generated.
 *
 * - `bootstrap`: stationary block bootstrap (Politis & Romano 1994) of a series of per-step *log*
 *   returns (convert simple returns with `Math.log1p`). Blocks restart with probability
 *   1 / `meanBlockLength` at each step and wrap around the end of the series.
 * - `gbm`: geometric Brownian motion with per-step drift `mu` and volatility `sigma`; each step's
 *   log return is (mu − sigma²/2) + sigma·z.
 * - `markov-gbm`: GBM whose (mu, sigma) follow a 2-state Markov chain with row-stochastic
 *   `transition` matrix; the first step's regime is `initialRegime`, or drawn from the chain's
 *   stationary distribution when that is `'stationary'` (the default).
 */
export type PathModel =
	| { kind: 'bootstrap'; returns: Float64Array; meanBlockLength: number }
	| { kind: 'gbm'; mu: number; sigma: number }
	| {
			kind: 'markov-gbm';
			regimes: readonly [Regime, Regime];
			transition: readonly [readonly [number, number], readonly [number, number]];
			initialRegime?: 0 | 1 | 'stationary';
	  };

export interface MonteCarloConfig {
	model: PathModel;
	/** Number of paths, at most 2^32 (the path index is one Philox counter word). */
	paths: number;
	/** Steps per path. */
	steps: number;
	/** Philox key word 0; the same seed gives the same paths everywhere. */
	seed: number;
	/** Philox counter word 2, so independent studies of one seed never share random numbers. Default 0. */
	stream?: number;
	/** A path is ruined when its equity (starting at 1) is ≤ this at any step. In [0, 1); default 0.5. */
	ruinThreshold?: number;
	/** Steps per year, for the annualised Sharpe ratio. Default 252. */
	periodsPerYear?: number;
	/** Return the per-path outputs too (memory: ~25 bytes a path). Default false. */
	keepPaths?: boolean;
}

/**
 * A probability as an exact integer test both twins share: an event with probability `p` happens
 * when `(u32 >>> 1) < threshold`, threshold = round(p · 2^31). Resolution 2^-31; p = 0 never and
 * p = 1 always happens, and CPU and GPU agree bit for bit (no float rounding in the decision).
 */
export const probabilityThreshold = (p: number): number =>
	Math.min(2 ** 31, Math.max(0, Math.round(p * 2 ** 31)));

/**
 * The model reduced to the numbers both twins read: drifts are already the log drifts
 * mu − sigma²/2, and every probability is a `probabilityThreshold`.
 */
export interface ResolvedModel {
	kind: 0 | 1 | 2;
	/** bootstrap: the source log returns. */
	returns: Float64Array;
	restartThreshold: number;
	/** gbm (regime 0 only) and markov-gbm: log drift and volatility per regime. */
	drift: [number, number];
	sigma: [number, number];
	/** markov-gbm: threshold to leave regime 0, resp. regime 1, at a step. */
	switchThreshold: [number, number];
	/** markov-gbm: 0 or 1 = fixed first regime, 2 = drawn with P(regime 1) from `initialThreshold`. */
	initialMode: 0 | 1 | 2;
	initialThreshold: number;
}

export const MODEL_KIND = { bootstrap: 0, gbm: 1, 'markov-gbm': 2 } as const;

const finite = (x: number) => typeof x === 'number' && Number.isFinite(x);
const isProbability = (p: number) => finite(p) && p >= 0 && p <= 1;

/** Checks a config and resolves its model; the message says which field is wrong and why. */
export function resolveConfig(config: MonteCarloConfig): Result<ResolvedModel> {
	const { paths, steps, seed, stream = 0, ruinThreshold = 0.5, periodsPerYear = 252 } = config;
	if (!Number.isInteger(paths) || paths < 1 || paths > 2 ** 32)
		return err('bad_input', `paths must be an integer in [1, 2^32], got ${paths}`);
	if (!Number.isInteger(steps) || steps < 1 || steps > 2 ** 32 - 1)
		return err('bad_input', `steps must be a positive integer, got ${steps}`);
	for (const [name, v] of [
		['seed', seed],
		['stream', stream]
	] as const)
		if (!Number.isInteger(v) || v < 0 || v >= 2 ** 32)
			return err('bad_input', `${name} must be an integer in [0, 2^32), got ${v}`);
	if (!finite(ruinThreshold) || ruinThreshold < 0 || ruinThreshold >= 1)
		return err('bad_input', `ruinThreshold must be in [0, 1), got ${ruinThreshold}`);
	if (!finite(periodsPerYear) || periodsPerYear <= 0)
		return err('bad_input', `periodsPerYear must be positive, got ${periodsPerYear}`);

	const base: ResolvedModel = {
		kind: 0,
		returns: new Float64Array(0),
		restartThreshold: 0,
		drift: [0, 0],
		sigma: [0, 0],
		switchThreshold: [0, 0],
		initialMode: 0,
		initialThreshold: 0
	};
	const m = config.model;
	if (m.kind === 'bootstrap') {
		if (m.returns.length < 1 || m.returns.length >= 2 ** 32)
			return err('bad_input', 'the bootstrap needs a non-empty return series');
		if (!m.returns.every(finite))
			return err('bad_input', 'the bootstrap return series contains NaN or ±Infinity');
		if (!finite(m.meanBlockLength) || m.meanBlockLength < 1)
			return err('bad_input', `meanBlockLength must be ≥ 1, got ${m.meanBlockLength}`);
		return ok({
			...base,
			kind: 0,
			returns: m.returns,
			restartThreshold: probabilityThreshold(1 / m.meanBlockLength)
		});
	}
	if (m.kind === 'gbm') {
		if (!finite(m.mu) || !finite(m.sigma) || m.sigma < 0)
			return err('bad_input', 'gbm needs finite mu and sigma ≥ 0');
		const d = m.mu - (m.sigma * m.sigma) / 2;
		return ok({ ...base, kind: 1, drift: [d, d], sigma: [m.sigma, m.sigma] });
	}
	if (m.kind === 'markov-gbm') {
		const [r0, r1] = m.regimes;
		if (![r0, r1].every((r) => finite(r.mu) && finite(r.sigma) && r.sigma >= 0))
			return err('bad_input', 'each regime needs finite mu and sigma ≥ 0');
		const [[p00, p01], [p10, p11]] = m.transition;
		if (
			![p00, p01, p10, p11].every(isProbability) ||
			Math.abs(p00 + p01 - 1) > 1e-9 ||
			Math.abs(p10 + p11 - 1) > 1e-9
		)
			return err(
				'bad_input',
				'the transition matrix must have probabilities with rows summing to 1'
			);
		const initial = m.initialRegime ?? 'stationary';
		// Stationary distribution of a 2-state chain: π1 = p01 / (p01 + p10); either regime if absorbing.
		const pi1 = p01 + p10 > 0 ? p01 / (p01 + p10) : 0;
		return ok({
			...base,
			kind: 2,
			drift: [r0.mu - (r0.sigma * r0.sigma) / 2, r1.mu - (r1.sigma * r1.sigma) / 2],
			sigma: [r0.sigma, r1.sigma],
			switchThreshold: [probabilityThreshold(p01), probabilityThreshold(p10)],
			initialMode: initial === 'stationary' ? 2 : initial,
			initialThreshold: probabilityThreshold(pi1)
		});
	}
	return err('bad_input', `unknown model kind ${(m as { kind: string }).kind}`);
}
