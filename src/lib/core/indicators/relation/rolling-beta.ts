import { defineReturnPairRelation, pairWindowParam } from './define-relation';

/**
 * Rolling beta of this series on the other (the benchmark): the least-squares slope of its one-bar
 * log returns on the benchmark's, cov(x, y) / var(y).
 *
 * @example
 * rollingBeta.compute(dax, { window: 60 }, ftse.close)[0]; // first value at bar 60
 */
export const rollingBeta = defineReturnPairRelation({
	id: 'rolling_beta',
	name: 'Rolling beta of log returns',
	params: [pairWindowParam(60)],
	outputs: ['beta'],
	fromMoments: (w) => (w.syy > 0 ? w.sxy / w.syy : NaN),
	definition:
		'βₜ = Σ(x − x̄)(y − ȳ) / Σ(y − ȳ)² over the last w pairs (the n − 1 divisors of cov and var ' +
		'cancel), x = ln(cₜ/cₜ₋₁) of this series, y = the other (benchmark) series. Warm-up w bars; ' +
		'NaN until w consecutive pairs are both finite, and when the benchmark is flat.',
	reference:
		'Sharpe (1964), J. Finance 19(3):425 (market-model beta); Campbell, Lo & MacKinlay (1997) ' +
		'§5.4; tested against R 4.2 / TTR 0.24 runCov(x, y, n) / runVar(y, n = n) on EuStockMarkets.'
});
