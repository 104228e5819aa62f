import { defineIndicator } from './define-indicator';
import { intParam } from './int-param';
import { RollingMaxState } from './rolling-max-state';
import { aroonBatch } from './aroon-batch';

/**
 * Aroon up/down/oscillator (Chande 1995, "A Time Price Oscillator", Technical Analysis of Stocks &
 * Commodities 13(9)): how recently, within the last n + 1 bars, the highest high and the lowest low
 * occurred. Ties go to the most recent bar (TTR, TA-Lib). Monotonic deques: O(1) amortised per bar.
 *
 * Warm-up n bars (a full window of n + 1, as TA-Lib's AROON). TTR's `aroon` already reports row
 * n − 1 from a window one bar short; that row is not compared.
 */
export const aroon = defineIndicator({
	id: 'aroon',
	name: 'Aroon (Chande)',
	category: 'trend',
	inputs: ['high', 'low'],
	params: [intParam('n', 20, 'Look-back n; the window holds n + 1 bars (TTR default 20).')],
	outputs: ['aroon_up', 'aroon_down', 'aroon_osc'],
	warmup: (p) => p.n,
	kernel(p) {
		const highs = new RollingMaxState(p.n + 1);
		const negLows = new RollingMaxState(p.n + 1);
		return {
			step(bar, out) {
				const full = Number.isFinite(highs.next(bar.high) + negLows.next(-bar.low));
				const up = full ? (100 * (p.n - highs.age)) / p.n : NaN;
				const down = full ? (100 * (p.n - negLows.age)) / p.n : NaN;
				out[0] = up;
				out[1] = down;
				out[2] = up - down;
			}
		};
	},
	batch: aroonBatch,
	definition:
		'Up = 100 (n − bars since the highest high of the last n + 1 bars) / n; Down likewise for the lowest low; Osc = Up − Down. Ties: the most recent bar. Warm-up n bars.',
	reference:
		'Chande 1995, TASC 13(9); Chande & Kroll 1994, "The New Technical Trader". Tested against TTR::aroon on the TTR ttrc daily dataset from row n (scripts/fixtures/ttr-trend-momentum.R).'
});
