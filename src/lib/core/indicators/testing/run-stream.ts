import type { OhlcvSeries } from '../../ohlcv';
import type { IndicatorDef, Params } from '../indicator';

/** Runs an indicator's streaming path over a whole series, collecting one column per output. */
export function runStream(def: IndicatorDef, series: OhlcvSeries, p: Params): Float64Array[] {
	const n = series.close.length;
	const outs = def.outputs.map(() => new Float64Array(n));
	const stream = def.stream(p);
	for (let i = 0; i < n; i++) {
		const v = stream.update({
			time: series.time[i],
			open: series.open[i],
			high: series.high[i],
			low: series.low[i],
			close: series.close[i],
			volume: series.volume[i]
		});
		for (let k = 0; k < outs.length; k++) outs[k][i] = v[k];
	}
	return outs;
}
