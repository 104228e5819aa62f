import type { IndicatorDef, ParamSpec } from '../indicator';
import { LaggedCloses } from './lagged-closes';

export const RETURN_PERIOD: ParamSpec = {
	name: 'period',
	default: 1,
	min: 1,
	max: 100_000,
	integer: true,
	description: 'Bars between the two closes'
};

/** cₜ / cₜ₋ₖ − 1, or NaN unless both closes are finite and the earlier one is not zero. */
const simple = (cur: number, prev: number): number =>
	Number.isFinite(cur) && Number.isFinite(prev) && prev !== 0 ? cur / prev - 1 : NaN;

/**
 * Simple (discrete) return over `period` bars, TTR `ROC(type = "discrete")`.
 *
 * @example
 * simpleReturn.compute(series, { period: 1 })[0]; // [NaN, c₁/c₀ − 1, …]
 */
export const simpleReturn: IndicatorDef = {
	id: 'simple_return',
	name: 'Simple return',
	category: 'returns',
	inputs: ['close'],
	params: [RETURN_PERIOD],
	outputs: ['return'],
	warmup: (p) => p.period,
	compute(series, p) {
		const c = series.close;
		const out = new Float64Array(c.length).fill(NaN);
		for (let i = p.period; i < c.length; i++) out[i] = simple(c[i], c[i - p.period]);
		return [out];
	},
	stream(p) {
		const lag = new LaggedCloses(p.period);
		return { update: (bar) => Float64Array.of(simple(bar.close, lag.push(bar.close))) };
	},
	definition: 'Rₜ = cₜ / cₜ₋ₖ − 1 (k = period). NaN when either close is missing or cₜ₋ₖ = 0.',
	reference:
		'Campbell, Lo & MacKinlay (1997), The Econometrics of Financial Markets, §1.4.1; tested ' +
		'against TTR 0.24 ROC(type = "discrete").'
};
