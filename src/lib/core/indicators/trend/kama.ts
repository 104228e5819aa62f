import type { Bar } from '../indicator';
import { defineIndicator, type Kernel } from './define-indicator';
import { intParam } from './int-param';
import { LagState } from './lag-state';
import { RollingSumState } from './rolling-sum-state';
import { kamaBatch } from './kama-batch';

class KamaKernel implements Kernel {
	#n: number;
	#fastSc: number;
	#slowSc: number;
	#lag: LagState;
	#volatility: RollingSumState;
	#prevClose = NaN;
	#k = NaN;
	#t = 0;

	constructor(n: number, fast: number, slow: number) {
		this.#n = n;
		this.#fastSc = 2 / (fast + 1);
		this.#slowSc = 2 / (slow + 1);
		this.#lag = new LagState(n);
		this.#volatility = new RollingSumState(n);
	}

	step(bar: Bar, out: Float64Array): void {
		const x = bar.close;
		const old = this.#lag.next(x);
		const vol = this.#t === 0 ? NaN : this.#volatility.next(Math.abs(x - this.#prevClose));
		if (this.#t === this.#n - 1) this.#k = x; // the seed
		this.#prevClose = x;
		this.#t++;
		if (!Number.isFinite(vol)) {
			out[0] = NaN;
			return;
		}
		// ER is 1 on a flat window (TA-Lib); the clamp only absorbs rounding of Σ|ΔC| < |Cₜ − Cₜ₋ₙ|.
		const er = vol === 0 ? 1 : Math.min(1, Math.abs(x - old) / vol);
		const sc = (er * (this.#fastSc - this.#slowSc) + this.#slowSc) ** 2;
		this.#k += sc * (x - this.#k);
		out[0] = this.#k;
	}
}

/**
 * Kaufman's adaptive moving average (Kaufman 1995, "Smarter Trading", ch. 10): an EMA whose
 * smoothing constant follows the efficiency ratio ER = |Cₜ − Cₜ₋ₙ| / Σ|ΔC| over n bars,
 * sc = (ER·(2/(fast+1) − 2/(slow+1)) + 2/(slow+1))². Seeded like TA-Lib's KAMA (ta_KAMA.c):
 * KAMAₙ₋₁ = Cₙ₋₁, first value at row n. The volatility sum is a compensated running sum, O(1).
 */
export const kama = defineIndicator({
	id: 'kama',
	name: 'Kaufman Adaptive Moving Average',
	category: 'trend',
	inputs: ['close'],
	params: [
		intParam('n', 10, 'Efficiency-ratio window in bars (Kaufman 10; TA-Lib default 30).'),
		intParam('fast', 2, 'Fastest EMA span (Kaufman 2).'),
		intParam('slow', 30, 'Slowest EMA span (Kaufman 30).')
	],
	outputs: ['kama'],
	warmup: (p) => p.n,
	kernel: (p) => new KamaKernel(p.n, p.fast, p.slow),
	batch: kamaBatch,
	definition:
		'ER = |Cₜ − Cₜ₋ₙ| / Σᵢ₌ₜ₋ₙ₊₁ᵗ |Cᵢ − Cᵢ₋₁| (1 when the sum is 0); sc = (ER (2/(fast+1) − 2/(slow+1)) + 2/(slow+1))²; KAMAₙ₋₁ = Cₙ₋₁, KAMAₜ = KAMAₜ₋₁ + sc (Cₜ − KAMAₜ₋₁). Warm-up n bars.',
	reference:
		'Kaufman 1995, "Smarter Trading" (McGraw-Hill); seeding as TA-Lib KAMA. TTR 0.24 has no KAMA: tested against an independent R loop in scripts/fixtures/ttr-trend-momentum.R on the TTR ttrc daily dataset.'
});
