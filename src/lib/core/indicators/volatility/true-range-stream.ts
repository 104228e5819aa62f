/**
 * True range one bar at a time (Wilder 1978): max(Hₜ, Cₜ₋₁) − min(Lₜ, Cₜ₋₁), written the way TTR's
 * `ATR` computes it. NaN on the first bar (no previous close, as TTR and TA-Lib TRANGE) and
 * whenever an input is missing (`Math.max` propagates NaN).
 */
export class TrueRangeStream {
	private prevClose = NaN;

	next(high: number, low: number, close: number): number {
		const pc = this.prevClose;
		this.prevClose = close;
		return Math.max(high, pc) - Math.min(low, pc);
	}
}
