import type { Bar } from '../indicator';
import { defineIndicator, type Kernel } from '../trend/define-indicator';
import { EmaState } from '../trend/ema-state';
import { intParam } from '../trend/int-param';
import { rsiBatch } from './rsi-batch';

class RsiKernel implements Kernel {
	#gains: EmaState;
	#losses: EmaState;
	#prev = NaN;

	constructor(n: number) {
		this.#gains = new EmaState(n, 1 / n);
		this.#losses = new EmaState(n, 1 / n);
	}

	step(bar: Bar, out: Float64Array): void {
		const change = bar.close - this.#prev;
		this.#prev = bar.close;
		if (Number.isNaN(change)) {
			out[0] = NaN; // the first bar has no change
			return;
		}
		const g = this.#gains.next(change > 0 ? change : 0);
		const l = this.#losses.next(change < 0 ? -change : 0);
		// No movement at all over the smoothing memory: neutral 50 rather than 0/0.
		out[0] = g + l === 0 ? 50 : (100 * g) / (g + l);
	}
}

/**
 * Relative strength index (Wilder 1978, "New Concepts in Technical Trading Systems", ch. VI) with
 * Wilder's smoothing: average gain and loss are EMAs with α = 1/n seeded with the simple mean of the
 * first n changes (TTR's `RSI` default, TA-Lib's RSI). O(1) per bar.
 */
export const rsi = defineIndicator({
	id: 'rsi',
	name: 'Relative Strength Index (Wilder)',
	category: 'momentum',
	inputs: ['close'],
	params: [intParam('n', 14, 'Wilder smoothing length (Wilder 14).')],
	outputs: ['rsi'],
	warmup: (p) => p.n,
	kernel: (p) => new RsiKernel(p.n),
	batch: rsiBatch,
	definition:
		'Δ = Cₜ − Cₜ₋₁; U = Wilder average (α = 1/n, seeded with the mean of the first n) of max(Δ, 0), D likewise of max(−Δ, 0); RSI = 100 U / (U + D), 50 when U + D = 0. Range 0 … 100. Warm-up n bars.',
	reference:
		'Wilder 1978, "New Concepts in Technical Trading Systems" (Trend Research). Tested against TTR::RSI (maType EMA, wilder = TRUE) on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
