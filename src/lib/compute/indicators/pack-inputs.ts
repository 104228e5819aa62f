/**
 * Host-side layouts for the indicator engine: OHLCV of many series as one time-major f32 buffer
 * `[field][bar][series]`, and parameter sets as `[paramSet][param]`.
 *
 * Rounding: each f64 value is rounded to the nearest f32 (IEEE round-half-to-even, what
 * `Float32Array` assignment does), a relative error ≤ 2⁻²⁴ ≈ 6e-8. Bar times cannot survive that
 * (epoch milliseconds need 41 bits), so the GPU gets the UTC day number ⌊time / 86 400 000⌋ instead,
 * exact in f32 for ±45,000 years.
 *
 * Two discrete decisions are taken on the host in f64, because their rules are discontinuous and
 * f32 cannot reproduce them; the magnitudes they select are still computed on the GPU:
 * - `directional_move` (ADX): +1 when Hₜ − Hₜ₋₁ is the larger positive move, −1 when Lₜ₋₁ − Lₜ is,
 *   0 on ties or when neither is positive. On decimal prices f64 resolves "ties" that differ by one
 *   f64 ulp (50.13 − 49.88 vs 49.90 − 49.65); one flipped bar moved ADX's DIs by ~2 points.
 * - `typical_price_move` (MFI): +1 / −1 / 0 as the typical price rose, fell or moved by less than
 *   1e-12 relative. On continuous (GBM) prices a real move smaller than f32's resolution happens
 *   every few thousand bars, and a flipped bar moved MFI by 13 points for a whole window.
 */
import type { OhlcvSeries } from '../../core/ohlcv';
import type { BarField, Params } from '../../core/indicators/indicator';
import { GPU_INPUT_FIELDS, type GpuInputField } from './plan';

const DAY_MS = 86_400_000;

/**
 * Why these series cannot take the GPU path, or null when they can: every field the indicator reads
 * (`fields`, default all) must be finite, and prices (and the second close) positive. A gap restarts
 * the CPU path's warm-up mid-series, which the GPU plans' structural warm-up does not model.
 */
export function gpuInputProblem(
	series: readonly OhlcvSeries[],
	fields: readonly BarField[] = ['time', 'open', 'high', 'low', 'close', 'volume'],
	others?: readonly Float64Array[]
): string | null {
	if (series.length === 0) return 'no series';
	const bars = series[0].close.length;
	const bad = (col: ArrayLike<number>, positive: boolean) => {
		for (let i = 0; i < col.length; i++) {
			if (!Number.isFinite(col[i]) || (positive && !(col[i] > 0))) return i;
		}
		return -1;
	};
	for (const [k, s] of series.entries()) {
		if (s.close.length !== bars || (others && others[k]?.length !== bars))
			return 'series of different lengths';
		for (const f of fields) {
			const price = f !== 'time' && f !== 'volume';
			const at = bad(s[f], price);
			if (at >= 0)
				return `${s.symbol}: a missing${price ? ' or non-positive' : ''} ${f} at bar ${at}`;
		}
		const at = others ? bad(others[k], true) : -1;
		if (at >= 0) return `${s.symbol}: a missing or non-positive second close at bar ${at}`;
	}
	return null;
}

/** `[field][bar][series]` f32; `others[s]` is series s's second close (relations), else zeros. */
export function packInputs(
	series: readonly OhlcvSeries[],
	others?: readonly Float64Array[]
): Float32Array<ArrayBuffer> {
	const n = series.length;
	const bars = n ? series[0].close.length : 0;
	const packed = new Float32Array(GPU_INPUT_FIELDS.length * bars * n);
	GPU_INPUT_FIELDS.forEach((field, f) => {
		for (let s = 0; s < n; s++) {
			const value = fieldReader(series[s], field, others?.[s]);
			for (let t = 0; t < bars; t++) packed[(f * bars + t) * n + s] = value(t);
		}
	});
	return packed;
}

function fieldReader(
	s: OhlcvSeries,
	field: GpuInputField,
	other: Float64Array | undefined
): (t: number) => number {
	if (field === 'other_close') return other ? (t) => other[t] : () => 0;
	if (field === 'utc_day') return (t) => Math.floor(s.time[t] / DAY_MS);
	if (field === 'directional_move') return (t) => directionalMove(s.high, s.low, t);
	if (field === 'typical_price_move') return (t) => typicalPriceMove(s, t);
	const col = s[field];
	return (t) => col[t];
}

/** +1, −1 or 0: which of Wilder's directional moves bar t makes (the same f64 test as `adx`). */
export function directionalMove(high: Float64Array, low: Float64Array, t: number): number {
	if (t === 0) return 0;
	const up = high[t] - high[t - 1];
	const down = low[t - 1] - low[t];
	if (up === down || (up < 0 && down < 0)) return 0;
	return up > down ? 1 : down > up ? -1 : 0;
}

/** +1, −1 or 0: whether bar t's typical price rose, fell or stayed (the same f64 test as `mfi`). */
export function typicalPriceMove(s: OhlcvSeries, t: number): number {
	if (t === 0) return 0;
	const tp = (s.high[t] + s.low[t] + s.close[t]) / 3;
	const prev = (s.high[t - 1] + s.low[t - 1] + s.close[t - 1]) / 3;
	if (!(Math.abs(tp - prev) > 1e-12 * Math.abs(prev))) return 0;
	return tp > prev ? 1 : -1;
}

/** `[paramSet][param]` f32 in `names` order (integers ≤ 2²⁴ are exact). */
export function packParams(
	names: readonly string[],
	sets: readonly Params[]
): Float32Array<ArrayBuffer> {
	const packed = new Float32Array(Math.max(1, sets.length * names.length));
	sets.forEach((p, i) => names.forEach((name, k) => (packed[i * names.length + k] = p[name])));
	return packed;
}
