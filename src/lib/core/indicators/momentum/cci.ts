import type { ParamSpec } from '../indicator';
import type { Bar } from '../indicator';
import { defineIndicator, type Kernel } from '../trend/define-indicator';
import { intParam } from '../trend/int-param';
import { RollingSumState } from '../trend/rolling-sum-state';
import { absDeviationSum } from './abs-deviation-sum';
import { cciBatch } from './cci-batch';

const constant: ParamSpec = {
	name: 'c',
	default: 0.015,
	min: 1e-6,
	max: 1,
	integer: false,
	description: "Lambert's constant (0.015 puts most values within ±100)."
};

class CciKernel implements Kernel {
	#n: number;
	#c: number;
	// Each typical price is written twice, at pos and pos + n, so the window is always the
	// contiguous, time-ordered buf[pos .. pos + n) after pos moves on: the batch path's layout.
	#buf: Float64Array;
	#mean: RollingSumState;
	#pos = 0;

	constructor(n: number, c: number) {
		this.#n = n;
		this.#c = c;
		this.#buf = new Float64Array(2 * n);
		this.#mean = new RollingSumState(n);
	}

	step(bar: Bar, out: Float64Array): void {
		const n = this.#n;
		const tp = (bar.high + bar.low + bar.close) / 3;
		this.#buf[this.#pos] = tp;
		this.#buf[this.#pos + n] = tp;
		this.#pos = this.#pos + 1 === n ? 0 : this.#pos + 1;
		const m = this.#mean.nextMean(tp);
		if (Number.isNaN(m)) {
			out[0] = NaN;
			return;
		}
		const dev = absDeviationSum(this.#buf, this.#pos, n, m) / n;
		// Every typical price equal to the mean: no deviation, and the index is 0.
		out[0] = dev === 0 ? 0 : (tp - m) / (this.#c * dev);
	}
}

/**
 * Commodity channel index (Lambert 1980, "Commodity Channel Index: Tools for Trading Cyclic
 * Trends", Commodities (Futures) magazine): the typical price's distance from its n-bar SMA in units
 * of c × the mean absolute deviation around that SMA (TTR's `CCI`, TA-Lib's CCI). The mean deviation
 * is about the current mean, so each bar costs O(n); the SMA is a compensated running sum.
 */
export const cci = defineIndicator({
	id: 'cci',
	name: 'Commodity Channel Index (Lambert)',
	category: 'momentum',
	inputs: ['high', 'low', 'close'],
	params: [intParam('n', 20, 'Look-back in bars (Lambert 20).'), constant],
	outputs: ['cci'],
	warmup: (p) => p.n - 1,
	kernel: (p) => new CciKernel(p.n, p.c),
	batch: cciBatch,
	definition:
		'TP = (H + L + C) / 3; M = SMAₙ(TP); MD = mean |TPᵢ − M| over the same n bars; CCI = (TP − M) / (c · MD), 0 when MD = 0. Warm-up n − 1 bars.',
	reference:
		'Lambert 1980, Commodities magazine (October). Tested against TTR::CCI on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
