/**
 * Streaming exponential average seeded like TA-Lib/TTR: the first value is the simple mean of the
 * first `period` finite inputs, then e ← e + α (x − e). With α = 2/(period + 1) it is the twin of
 * `features/ema` (same operations, same order); with α = 1/period it is Wilder's smoothing
 * (Wilder 1978, *New Concepts in Technical Trading Systems*), as in TTR `EMA(wilder = TRUE)`.
 *
 * NaN rule: a non-finite input returns NaN and restarts the seed.
 *
 * @example
 * const e = new SeededEma(2, 2 / 3);
 * [1, 2, 3].map((x) => e.push(x)); // [NaN, 1.5, 2.5]
 */
export class SeededEma {
	private readonly period: number;
	private readonly alpha: number;
	private count = 0;
	private seed = 0;
	private e = 0;

	constructor(period: number, alpha: number) {
		this.period = period;
		this.alpha = alpha;
	}

	push(x: number): number {
		if (!Number.isFinite(x)) {
			this.count = 0;
			this.seed = 0;
			return NaN;
		}
		if (this.count < this.period) {
			this.seed += x;
			this.count++;
			if (this.count < this.period) return NaN;
			this.e = this.seed / this.period;
		} else {
			this.e += this.alpha * (x - this.e);
		}
		return this.e;
	}
}
