import type { IndicatorDef } from '../indicator';
import { RollingExtreme } from './kernels/rolling-extreme';
import { gather, rollingMaxIndex, rollingMinIndex } from './kernels/rolling-extreme-column';
import { SOURCE_PARAM, SourceStream, sourceValues, sourceWarmup, windowParam } from './source';

/**
 * Rolling maximum or minimum of close or of log returns, TTR `runMax`/`runMin`, TA-Lib MAX/MIN: a
 * monotonic deque on the stream, O(1) amortised per bar; the batch path takes van Herk/Gil-Werman
 * blocks (three comparisons per row) with the same ties and NaN rule, so the same values.
 */
export function rollingExtremeDef(side: 'max' | 'min'): IndicatorDef {
	const columnIndex = side === 'max' ? rollingMaxIndex : rollingMinIndex;
	const ttr = side === 'max' ? 'runMax' : 'runMin';
	return {
		id: `rolling_${side}`,
		name: side === 'max' ? 'Rolling maximum' : 'Rolling minimum',
		category: 'statistics',
		inputs: ['close'],
		params: [windowParam(20, 1), SOURCE_PARAM],
		outputs: [side],
		warmup: (p) => p.window - 1 + sourceWarmup(p),
		compute(series, p) {
			const x = sourceValues(series, p);
			const at = new Int32Array(x.length);
			columnIndex(x, 0, x.length, p.window, at);
			return [gather(x, at)];
		},
		stream(p) {
			const src = new SourceStream(p);
			const k = new RollingExtreme(p.window, side);
			return { update: (bar) => Float64Array.of(k.push(src.push(bar.close))) };
		},
		definition:
			`${side}ₜ = ${side}(xₜ₋w₊₁, …, xₜ), x = close (source 0) or ln(cₜ/cₜ₋₁) (source 1). ` +
			'NaN until w finite values; a missing value restarts the warm-up.',
		reference: `Lemire (2006) streaming max-min filter (stream); van Herk (1992) / Gil & Werman (1993) blocks (batch); tested against TTR 0.24 ${ttr}.`
	};
}
