/** How the training part of each walk-forward window grows. */
export type WalkForwardMode = 'anchored' | 'rolling';

export interface WalkForwardOptions {
	/** Number of windows N ≥ 1. */
	windows: number;
	/** Bars of the first training part, ≥ 2 (a Sharpe ratio needs two returns). */
	trainBars: number;
	/**
	 * 'anchored': every training part starts at bar 0 and grows with time (expanding window);
	 * 'rolling': every training part has `trainBars` bars and slides forward with its test part.
	 */
	mode: WalkForwardMode;
}

/** One window: training bars [trainStart, trainEnd), then test bars [testStart, testEnd). */
export interface WalkForwardWindow {
	trainStart: number;
	trainEnd: number;
	testStart: number;
	testEnd: number;
}

/**
 * Walk-forward windows over `bars` bars (Pardo, *The Evaluation and Optimization of Trading
 * Strategies*, 2nd ed., 2008, ch. 11): the bars after the first `trainBars` are cut into N contiguous
 * test parts of near-equal length (the first ones one bar longer when it does not divide), and each
 * test part follows its own training part in time, so a parameter is only ever chosen on bars that
 * come before the ones it is judged on. The test parts tile [trainBars, bars) with no gap and no
 * overlap, so their out-of-sample returns stitch into one series.
 *
 * @throws RangeError if a count is not a positive integer or there are fewer than N test bars.
 * @example
 * walkForwardWindows(1000, { windows: 4, trainBars: 200, mode: 'rolling' })[1];
 * // { trainStart: 200, trainEnd: 400, testStart: 400, testEnd: 600 }
 */
export function walkForwardWindows(bars: number, options: WalkForwardOptions): WalkForwardWindow[] {
	const { windows, trainBars, mode } = options;
	if (!Number.isInteger(windows) || windows < 1)
		throw new RangeError('walkForwardWindows: windows must be an integer ≥ 1');
	if (!Number.isInteger(trainBars) || trainBars < 2)
		throw new RangeError('walkForwardWindows: trainBars must be an integer ≥ 2');
	if (mode !== 'anchored' && mode !== 'rolling')
		throw new RangeError(`walkForwardWindows: unknown mode '${String(mode)}'`);
	const testBars = bars - trainBars;
	if (testBars < windows)
		throw new RangeError(
			`walkForwardWindows: ${bars} bars leave ${Math.max(0, testBars)} test bars for ${windows} windows; use fewer windows or a shorter training part`
		);
	const base = Math.floor(testBars / windows);
	const extra = testBars % windows;
	const out: WalkForwardWindow[] = [];
	let testStart = trainBars;
	for (let w = 0; w < windows; w++) {
		const testEnd = testStart + base + (w < extra ? 1 : 0);
		out.push({
			trainStart: mode === 'anchored' ? 0 : testStart - trainBars,
			trainEnd: testStart,
			testStart,
			testEnd
		});
		testStart = testEnd;
	}
	return out;
}
