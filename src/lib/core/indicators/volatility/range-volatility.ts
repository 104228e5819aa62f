import type { OhlcvSeries } from '../../ohlcv';
import type { IndicatorDef, Params } from '../indicator';
import { RollingSum } from '../statistics/kernels/rolling-sum';
import { rollingSumColumn } from '../statistics/kernels/rolling-sum-column';
import { PERIODS_PER_YEAR, volWindowParam } from './range-volatility-params';

/** Per-bar term of a range-based estimator (NaN when an input is missing or not positive). */
export type BarTerm = (open: number, high: number, low: number, close: number) => number;

/**
 * Writes every bar's term into `out`. Each estimator supplies its own, with the loop in its own
 * module: a loop here calling `term` would be one call site shared by all the estimators, which
 * V8 stops inlining once it has seen several (Parkinson ran 1.4× slower after Garman–Klass and
 * Rogers–Satchell had run in the same process).
 */
export type TermColumn = (series: OhlcvSeries, out: Float64Array) => void;

/**
 * Builds a range-based volatility estimator of TTR's form σ = √(scale(n, N) · Σ term) over the
 * last n bars: a running sum (O(1) per bar), identical arithmetic on both paths (the batch path's
 * `rollingSumColumn` is `RollingSum` in a column loop, bit for bit).
 */
export function rangeVolatility(
	meta: Pick<IndicatorDef, 'id' | 'name' | 'definition' | 'reference'>,
	term: BarTerm,
	terms: TermColumn,
	scale: (p: Params) => number
): IndicatorDef {
	return {
		...meta,
		category: 'volatility',
		inputs: ['open', 'high', 'low', 'close'],
		params: [volWindowParam(1), PERIODS_PER_YEAR],
		outputs: ['volatility'],
		warmup: (p) => p.window - 1,
		compute(series, p) {
			const n = series.close.length;
			const f = scale(p);
			const values = new Float64Array(n);
			terms(series, values);
			const out = new Float64Array(n);
			rollingSumColumn(values, 0, n, p.window, out);
			for (let i = 0; i < n; i++) out[i] = Math.sqrt(f * out[i]);
			return [out];
		},
		stream(p) {
			const sum = new RollingSum(p.window);
			const f = scale(p);
			return {
				update: (b) =>
					Float64Array.of(Math.sqrt(f * sum.push(term(b.open, b.high, b.low, b.close))))
			};
		}
	};
}
