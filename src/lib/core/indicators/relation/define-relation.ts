import type { ParamSpec, RelationDef } from '../indicator';
import { ReturnPairWindow } from './return-pair-window';

/** The rolling window of return pairs shared by the relation indicators. */
export function pairWindowParam(defaultSize: number): ParamSpec {
	return {
		name: 'window',
		default: defaultSize,
		min: 3,
		max: 100_000,
		integer: true,
		description: 'Pairs of log returns in the rolling window'
	};
}

type Spec = Omit<RelationDef, 'compute' | 'stream' | 'warmup' | 'inputs' | 'category'> & {
	/** The statistic from the window's co-moments (NaN where undefined). */
	fromMoments(w: ReturnPairWindow): number;
};

/**
 * A one-output relation over a rolling window of paired log returns. Both paths run the same
 * `ReturnPairWindow`, so batch and stream agree bit for bit; warm-up is `window` (one bar for the
 * first return, then window − 1 more).
 */
export function defineReturnPairRelation(spec: Spec): RelationDef {
	const { fromMoments, ...rest } = spec;
	const step = (w: ReturnPairWindow, x: number, y: number) => (w.push(x, y) ? fromMoments(w) : NaN);
	return {
		...rest,
		category: 'relation',
		inputs: ['close'],
		warmup: (p) => p.window,
		compute(series, p, other) {
			const w = new ReturnPairWindow(p.window);
			const out = new Float64Array(series.close.length);
			for (let i = 0; i < out.length; i++) out[i] = step(w, series.close[i], other[i] ?? NaN);
			return [out];
		},
		stream(p) {
			const w = new ReturnPairWindow(p.window);
			return { update: (bar, otherClose) => Float64Array.of(step(w, bar.close, otherClose)) };
		}
	};
}
