import { philoxBlock } from '../montecarlo/philox-block';

/** Philox counter word 2 of the traffic split, so routing never shares draws with bootstraps. */
const SPLIT_STREAM = 0x0ab0;

/**
 * Checks and normalises arm weights (champion first): every weight finite and ≥ 0, at least one > 0.
 *
 * @example
 * normaliseWeights([2, 1, 1]); // [0.5, 0.25, 0.25]
 */
export function normaliseWeights(weights: readonly number[]): number[] {
	if (weights.length < 1 || weights.some((w) => !(w >= 0 && w < Infinity)))
		throw new RangeError('traffic split: weights must be finite and ≥ 0');
	const total = weights.reduce((a, b) => a + b, 0);
	if (!(total > 0)) throw new RangeError('traffic split: at least one weight must be > 0');
	return weights.map((w) => w / total);
}

/**
 * The arm that bar `bar`'s decision is routed to, by a seeded split: u = Philox(bar, seed) / 2^32, then
 * the first arm whose cumulative weight exceeds u. Counter-based, so the route of any bar can be
 * recomputed alone (replays, audits) and the same seed always routes the same way.
 *
 * **What "traffic" means for a trading model.** A web A/B test routes users; a trading A/B test routes
 * *decisions*: on each bar one arm's target is executed by the live account, so an arm's traffic is
 * the fraction of bars (of decisions, and hence of capital-time) it controls — in expectation its
 * weight. Every arm also runs a full-capital shadow (paper) account on every bar, because, unlike a
 * user who sees one page, a price bar can be traded counterfactually by every model: those shadow
 * returns are what the sequential test compares.
 *
 * @example
 * routeOf(42, 17, [0.8, 0.2]); // 0 (champion) or 1, always the same for seed 42, bar 17
 */
export function routeOf(seed: number, bar: number, weights: readonly number[]): number {
	const out = new Uint32Array(4);
	philoxBlock(bar >>> 0, Math.floor(bar / 2 ** 32) >>> 0, SPLIT_STREAM, 0, seed >>> 0, 0, out);
	const u = out[0] / 2 ** 32;
	let cumulative = 0;
	for (let k = 0; k < weights.length; k++) {
		cumulative += weights[k];
		if (u < cumulative) return k;
	}
	// Rounding can leave Σ weights a hair below 1: the last arm with weight takes the remainder.
	for (let k = weights.length - 1; k >= 0; k--) if (weights[k] > 0) return k;
	return 0;
}
