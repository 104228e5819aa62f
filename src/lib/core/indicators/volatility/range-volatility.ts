import type { IndicatorDef, Params } from '../indicator';
import { RollingSum } from '../statistics/kernels/rolling-sum';
import { PERIODS_PER_YEAR, volWindowParam } from './range-volatility-params';

/** Per-bar term of a range-based estimator (NaN when an input is missing or not positive). */
export type BarTerm = (open: number, high: number, low: number, close: number) => number;

/**
 * Builds a range-based volatility estimator of TTR's form σ = √(scale(n, N) · Σ term) over the
 * last n bars: a running sum (O(1) per bar), identical arithmetic on both paths.
 */
export function rangeVolatility(
	meta: Pick<IndicatorDef, 'id' | 'name' | 'definition' | 'reference'>,
	term: BarTerm,
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
			const sum = new RollingSum(p.window);
			const f = scale(p);
			const { open, high, low, close } = series;
			const out = new Float64Array(close.length);
			for (let i = 0; i < out.length; i++) {
				out[i] = Math.sqrt(f * sum.push(term(open[i], high[i], low[i], close[i])));
			}
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
