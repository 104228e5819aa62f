import type { Contender, ContenderKind } from './contender';
import { targetOf } from './expression-contender';

export interface StoredPredictions {
	id: string;
	label: string;
	/** Bar times (ms) of each out-of-sample prediction, ascending. */
	time: Float64Array;
	/** The model's forecast of the next return at each of those bars. */
	predictions: Float32Array | Float64Array;
	/** Long above +threshold, short below −threshold. Default 0. */
	threshold?: number;
	allowShort?: boolean;
	/** Default 'experiment'; models run over the session's bars are 'onnx' or 'native'. */
	kind?: ContenderKind;
}

/**
 * A trained experiment as a contender: its stored out-of-sample predictions are matched to the
 * session's bars by time, and a bar without a prediction (before the model's test part, or another
 * dataset's calendar) is flat. The predictions were made without the bars they forecast, so the
 * contender stays causal; a session window that overlaps the model's own training part would flatter
 * it, which the UI warns about.
 *
 * @example
 * predictionContender({ id: run.id, label: exp.name, time: run.backtest.time, predictions: run.backtest.predictions });
 */
export function predictionContender(stored: StoredPredictions): Contender {
	const byTime = new Map<number, number>();
	for (let i = 0; i < stored.time.length; i++) byTime.set(stored.time[i], stored.predictions[i]);
	const threshold = stored.threshold ?? 0;
	const allowShort = stored.allowShort ?? true;
	return {
		id: stored.id,
		label: stored.label,
		kind: stored.kind ?? 'experiment',
		targets(bars, window) {
			const out = new Float64Array(window.end - window.start);
			for (let i = 0; i < out.length; i++) {
				const p = byTime.get(bars.time[window.start + i]);
				out[i] = p === undefined ? NaN : targetOf(p, threshold, allowShort);
			}
			return out;
		}
	};
}
