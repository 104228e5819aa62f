import { logReturn as logReturnColumn } from '../../features/log-return';
import type { IndicatorDef } from '../indicator';
import { LaggedCloses } from './lagged-closes';
import { RETURN_PERIOD } from './simple-return';

/** ln(cₜ / cₜ₋ₖ), or NaN unless both closes are finite and > 0 (the `features/log-return` rule). */
const logRatio = (cur: number, prev: number): number =>
	prev > 0 && cur > 0 && Number.isFinite(prev) && Number.isFinite(cur) ? Math.log(cur / prev) : NaN;

/**
 * Log (continuously compounded) return over `period` bars, TTR `ROC(type = "continuous")`. The
 * one-bar case is `features/log-return` itself.
 */
export const logReturn: IndicatorDef = {
	id: 'log_return',
	name: 'Log return',
	category: 'returns',
	inputs: ['close'],
	params: [RETURN_PERIOD],
	outputs: ['return'],
	warmup: (p) => p.period,
	compute(series, p) {
		const c = series.close;
		if (p.period === 1) return [logReturnColumn(c)];
		const out = new Float64Array(c.length).fill(NaN);
		for (let i = p.period; i < c.length; i++) out[i] = logRatio(c[i], c[i - p.period]);
		return [out];
	},
	stream(p) {
		const lag = new LaggedCloses(p.period);
		return { update: (bar) => Float64Array.of(logRatio(bar.close, lag.push(bar.close))) };
	},
	definition: 'rₜ = ln(cₜ / cₜ₋ₖ) (k = period). NaN unless both closes are finite and > 0.',
	reference:
		'Campbell, Lo & MacKinlay (1997), The Econometrics of Financial Markets, §1.4.2; tested ' +
		'against TTR 0.24 ROC(type = "continuous").'
};
