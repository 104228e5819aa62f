import type { OhlcvSeries } from '../ohlcv';

/** Where a contender comes from; the UI groups and labels by it. */
export type ContenderKind =
	'expression' | 'buy_and_hold' | 'experiment' | 'onnx' | 'native' | 'ensemble';

/** A half-open range of bars [start, end) of a series. */
export interface BarWindow {
	start: number;
	end: number;
}

/**
 * Anything that can trade in the arena. `targets(bars, window)` returns one target per bar of the
 * window (end − start values): the wanted position as a signed fraction of equity decided at that
 * bar's close (see `simulate`), NaN for flat. It may read bars before `window.start` (warm-up) but
 * never after the bar it decides on: the arena trusts contenders to be causal, so adapters for
 * models must use only inputs up to each bar.
 *
 * A contender with `candidates` is a family of configurations (a parameter grid): the arena picks one
 * per walk-forward window by its in-sample Sharpe ratio and trades it out of sample, and counts every
 * candidate as a trial for the Deflated Sharpe Ratio. The ONNX and native zoo models plug in here
 * through a small adapter that runs the model over the window's bars.
 *
 * @example
 * const flat: Contender = {
 * 	id: 'cash', label: 'Cash', kind: 'native',
 * 	targets: (_bars, w) => new Float64Array(w.end - w.start)
 * };
 */
export interface Contender {
	id: string;
	label: string;
	kind: ContenderKind;
	targets(bars: OhlcvSeries, window: BarWindow): Float64Array;
	/** The grid of configurations to choose from per window; absent = nothing to fit. */
	candidates?: readonly Contender[];
}

/** The number of trials a contender adds to a session: its grid size, or 1. */
export const trialsOf = (c: Contender): number => Math.max(1, c.candidates?.length ?? 0);
