import type { Bar } from '../indicator';
import { defineIndicator, type Kernel } from '../trend/define-indicator';
import { intParam } from '../trend/int-param';
import { RollingSumState } from '../trend/rolling-sum-state';
import { ultimateOscillatorBatch } from './ultimate-oscillator-batch';

class UltimateKernel implements Kernel {
	#bp: RollingSumState[];
	#tr: RollingSumState[];
	#prevClose = NaN;

	constructor(n1: number, n2: number, n3: number) {
		this.#bp = [n1, n2, n3].map((n) => new RollingSumState(n));
		this.#tr = [n1, n2, n3].map((n) => new RollingSumState(n));
	}

	step(bar: Bar, out: Float64Array): void {
		const prevClose = this.#prevClose;
		this.#prevClose = bar.close;
		if (Number.isNaN(prevClose)) {
			out[0] = NaN; // the first bar has no true range
			return;
		}
		const trueLow = Math.min(bar.low, prevClose);
		const b = bar.close - trueLow;
		const r = Math.max(bar.high, prevClose) - trueLow;
		out[0] =
			(100 * (4 * this.#ratio(0, b, r) + 2 * this.#ratio(1, b, r) + this.#ratio(2, b, r))) / 7;
	}

	// Σ TR = 0 means flat bars at one price: that horizon reads 0.5, the middle of its range.
	#ratio(i: number, b: number, r: number): number {
		const sb = this.#bp[i].next(b);
		const st = this.#tr[i].next(r);
		return st === 0 ? 0.5 : sb / st;
	}
}

/**
 * Ultimate oscillator (Williams 1985, "The Ultimate Oscillator", Technical Analysis of Stocks &
 * Commodities 3(4)): buying pressure over true range averaged on three horizons with weights 4, 2, 1
 * (fixed, as TA-Lib's ULTOSC and TTR's default). Six compensated running sums: O(1) per bar.
 */
export const ultimateOscillator = defineIndicator({
	id: 'ultimate_oscillator',
	name: 'Ultimate Oscillator (Williams)',
	category: 'momentum',
	inputs: ['high', 'low', 'close'],
	params: [
		intParam('n1', 7, 'Short horizon, weight 4 (Williams 7).'),
		intParam('n2', 14, 'Middle horizon, weight 2 (Williams 14).'),
		intParam('n3', 28, 'Long horizon, weight 1 (Williams 28).')
	],
	outputs: ['ultimate_oscillator'],
	warmup: (p) => Math.max(p.n1, p.n2, p.n3),
	kernel: (p) => new UltimateKernel(p.n1, p.n2, p.n3),
	batch: ultimateOscillatorBatch,
	definition:
		'BP = Cₜ − min(Lₜ, Cₜ₋₁); TR = max(Hₜ, Cₜ₋₁) − min(Lₜ, Cₜ₋₁); Aₖ = Σₙₖ BP / Σₙₖ TR (0.5 when Σ TR = 0); UO = 100 (4 A₁ + 2 A₂ + A₃) / 7. Warm-up max(n1, n2, n3) bars.',
	reference:
		'Williams 1985, TASC 3(4); TA-Lib ULTOSC. Tested against TTR::ultimateOscillator on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
