import { assertWindow } from '../features/assert-window';
import { rollingStd } from '../features/rolling-std';
import type { OhlcvSeries } from '../ohlcv';

export interface TripleBarrierOptions {
	/** Vertical barrier: bars after t (≥ 1). */
	horizon: number;
	/** Profit-taking barrier as a multiple of σ_t (> 0; Infinity disables it). */
	upper: number;
	/** Stop-loss barrier as a multiple of σ_t (> 0; Infinity disables it). */
	lower: number;
	/** Bars of close-to-close simple returns in σ_t, the sample std ending at t (≥ 2). */
	volWindow: number;
	/** Label when neither horizontal barrier is touched: 0 (default) or the sign of the return. */
	vertical?: 'zero' | 'sign';
}

export interface TripleBarrierLabels {
	/** +1 upper touched first, −1 lower first, vertical rule otherwise; NaN where undefined. */
	label: Float64Array;
	/** The bar where the position exits (the touch or t + horizon); −1 where undefined. */
	touchIndex: Int32Array;
	/** Simple return from close[t] to the exit price; NaN where undefined. */
	ret: Float64Array;
	/** σ_t used for the barriers. */
	volatility: Float64Array;
}

/**
 * The triple-barrier method (López de Prado 2018, *Advances in Financial Machine Learning*, §3.4):
 * from entry at close[t], barriers at close[t]·(1 + upper·σ_t) and close[t]·(1 − lower·σ_t) with
 * σ_t the rolling sample std of simple returns over `volWindow` bars ending at t (the book uses an
 * EWM std; a rolling window keeps the look-back exact), and a vertical barrier at t + horizon.
 *
 * Bars t+1 … t+horizon are scanned in order using high and low, so intra-bar touches count:
 * - if one bar's range touches both barriers, the LOWER one is taken (bar order is unknown, so we
 *   assume the worse: a pessimistic label);
 * - the exit price is the barrier, or the bar's open when it gapped through the barrier
 *   (min(open, lower) for a stop, max(open, upper) for a take-profit);
 * - with no touch, the exit is close[t + horizon] and the label 0, or its return's sign with
 *   `vertical: 'sign'`.
 *
 * Undefined (NaN, −1) for the last `horizon` rows, where σ_t is missing or zero, or close[t] is.
 * Row t reads bars t − volWindow … t + horizon only; this is a label, the one place future data is
 * used, and must be aligned by the caller (see `forwardReturn`).
 *
 * @example
 * tripleBarrierLabels(series, { horizon: 10, upper: 2, lower: 2, volWindow: 20 });
 */
export function tripleBarrierLabels(
	series: OhlcvSeries,
	options: TripleBarrierOptions
): TripleBarrierLabels {
	const { horizon, upper, lower, volWindow, vertical = 'zero' } = options;
	assertWindow('tripleBarrierLabels horizon', horizon, 1);
	assertWindow('tripleBarrierLabels volWindow', volWindow, 2);
	if (!(upper > 0) || !(lower > 0)) {
		throw new RangeError(`tripleBarrierLabels upper and lower must be > 0; got ${upper}, ${lower}`);
	}
	const { open, high, low, close } = series;
	const n = close.length;
	const returns = new Float64Array(n).fill(NaN);
	for (let i = 1; i < n; i++) returns[i] = close[i] / close[i - 1] - 1;
	const volatility = rollingStd(returns, volWindow);
	const label = new Float64Array(n).fill(NaN);
	const touchIndex = new Int32Array(n).fill(-1);
	const ret = new Float64Array(n).fill(NaN);

	for (let t = 0; t + horizon < n; t++) {
		const entry = close[t];
		const sigma = volatility[t];
		if (!(entry > 0) || !(sigma > 0)) continue;
		const up = entry * (1 + upper * sigma);
		const down = entry * (1 - lower * sigma);
		let exit = NaN;
		let at = t + horizon;
		let side = 0;
		for (let j = t + 1; j <= t + horizon; j++) {
			if (low[j] <= down) {
				exit = Math.min(open[j], down);
				side = -1;
			} else if (high[j] >= up) {
				exit = Math.max(open[j], up);
				side = 1;
			}
			if (side !== 0) {
				at = j;
				break;
			}
		}
		if (side === 0) exit = close[t + horizon];
		const r = exit / entry - 1;
		if (!Number.isFinite(r)) continue;
		label[t] = side !== 0 ? side : vertical === 'sign' ? Math.sign(r) : 0;
		touchIndex[t] = at;
		ret[t] = r;
	}
	return { label, touchIndex, ret, volatility };
}
