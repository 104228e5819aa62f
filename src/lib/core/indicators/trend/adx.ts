import type { Bar } from '../indicator';
import { defineIndicator, type Kernel } from './define-indicator';
import { EmaState } from './ema-state';
import { intParam } from './int-param';
import { WilderSumState } from './wilder-sum';
import { adxBatch } from './adx-batch';

class AdxKernel implements Kernel {
	#tr: WilderSumState;
	#plus: WilderSumState;
	#minus: WilderSumState;
	#adx: EmaState;
	#started = false;
	#high = 0;
	#low = 0;
	#close = 0;

	constructor(n: number) {
		this.#tr = new WilderSumState(n);
		this.#plus = new WilderSumState(n);
		this.#minus = new WilderSumState(n);
		this.#adx = new EmaState(n, 1 / n);
	}

	step(bar: Bar, out: Float64Array): void {
		const { high, low, close } = bar;
		if (!this.#started) {
			this.#started = true;
			this.#high = high;
			this.#low = low;
			this.#close = close;
			out.fill(NaN);
			return;
		}
		const up = high - this.#high;
		const down = this.#low - low;
		const neither = up === down || (up < 0 && down < 0);
		const trS = this.#tr.next(Math.max(high, this.#close) - Math.min(low, this.#close));
		const plusS = this.#plus.next(!neither && up > down ? up : 0);
		const minusS = this.#minus.next(!neither && down > up ? down : 0);
		this.#high = high;
		this.#low = low;
		this.#close = close;
		// A window of identical flat bars has no range: its DIs are 0, and DX of 0/0 is 0.
		const plusDi = trS === 0 ? 0 : (100 * plusS) / trS;
		const minusDi = trS === 0 ? 0 : (100 * minusS) / trS;
		const diSum = plusDi + minusDi;
		const dx = diSum === 0 ? 0 : 100 * (Math.abs(plusDi - minusDi) / diSum);
		out[0] = this.#adx.next(dx);
		out[1] = plusDi;
		out[2] = minusDi;
		out[3] = dx;
	}
}

/**
 * Average directional index with the directional indicators (Wilder 1978, "New Concepts in
 * Technical Trading Systems", ch. IV). DM and TR sums use Wilder's running sum as TTR's
 * `wilderSum` (seeded with the first n − 1 values); ADX is Wilder's smoothing (α = 1/n, SMA seed)
 * of DX, as TTR's `ADX` (EMA with wilder = TRUE). O(1) per bar.
 */
export const adx = defineIndicator({
	id: 'adx',
	name: 'Average Directional Index (Wilder)',
	category: 'trend',
	inputs: ['high', 'low', 'close'],
	params: [intParam('n', 14, 'Wilder smoothing length (Wilder 14).')],
	outputs: ['adx', 'plus_di', 'minus_di', 'dx'],
	warmup: (p) => 2 * p.n - 1,
	kernel: (p) => new AdxKernel(p.n),
	batch: adxBatch,
	definition:
		'+DM = Hₜ − Hₜ₋₁ if it exceeds Lₜ₋₁ − Lₜ and is ≥ 0, else 0 (−DM symmetric; both 0 on ties); TR = max(Hₜ, Cₜ₋₁) − min(Lₜ, Cₜ₋₁); S = Wilder sum (Sₜ = xₜ + Sₜ₋₁ (n−1)/n, seeded with n − 1 values); ±DI = 100 S(±DM) / S(TR); DX = 100 |+DI − −DI| / (+DI + −DI) (0 when both are 0); ADX = Wilder average of DX (α = 1/n, SMA seed). All outputs start together: warm-up 2n − 1 bars.',
	reference:
		'Wilder 1978, "New Concepts in Technical Trading Systems" (Trend Research). Tested against TTR::ADX on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
