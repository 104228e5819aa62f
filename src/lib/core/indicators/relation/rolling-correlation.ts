import { defineReturnPairRelation, pairWindowParam } from './define-relation';

/**
 * Rolling Pearson correlation of this series' and the other series' one-bar log returns.
 *
 * @example
 * rollingCorrelation.compute(dax, { window: 20 }, smi.close)[0]; // first value at bar 20
 */
export const rollingCorrelation = defineReturnPairRelation({
	id: 'rolling_correlation',
	name: 'Rolling correlation of log returns',
	params: [pairWindowParam(20)],
	outputs: ['corr'],
	fromMoments: (w) => (w.sxx > 0 && w.syy > 0 ? w.sxy / Math.sqrt(w.sxx * w.syy) : NaN),
	definition:
		'ρₜ = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²) over the last w pairs, x = ln(cₜ/cₜ₋₁) of ' +
		'this series, y = the same for the other series (two-pass means). Warm-up w bars; NaN until ' +
		'w consecutive pairs are both finite, and when either side is flat over the window.',
	reference:
		'Pearson (1896), Phil. Trans. R. Soc. A 187:253; tested against R 4.2 / TTR 0.24 ' +
		'runCor(x, y, n) on the DAX and SMI closes of R’s EuStockMarkets.'
});
