/**
 * How far each GPU indicator may be from its f64 CPU twin: max |gpu − cpu| / max |cpu| over a column
 * (`columnError`), per registry id, with the f32 error analysis behind each bound. NaN positions
 * must always match exactly.
 *
 * Sources of error (ε = 2⁻²⁴ ≈ 6e-8, f32's unit roundoff):
 * - inputs rounded to f32: ε relative per price;
 * - compensated window sums: ~ε of the window's magnitude, whatever the window (no drift);
 * - affine scans (EMA family): contractive, steady state ≈ ulp(y)/α (13 ulps for α = 2/27);
 * - WGSL's `log` is only specified to 2⁻²¹ ≈ 4.8e-7 absolute near 1 (Vulkan precision rules), and
 *   `pow`/`sqrt` to a few ulps: returns carry ~5e-7 absolute, i.e. ~1e-5 of a column whose largest
 *   return is 5 %.
 *
 * Measured on the real (3 × 3,000 TTRC bars) and GBM (3 × 2,000 bars) sets, 3 parameter sets each,
 * on SwiftShader; each bound is ≥ 2.4× the worst seen (most are 10–100×), and the group's analysis
 * says why it cannot be much tighter.
 */
export interface GpuTolerance {
	/** Largest allowed max |gpu − cpu| / max |cpu| per column. */
	bound: number;
	/** The error analysis behind it. */
	why: string;
	/**
	 * A thresholded output (`output`, by index) of a continuous one (`from`): its rows may differ
	 * only where the CPU's continuous value lies within `bound` of one of the `cuts`.
	 */
	discrete?: { output: number; from: number; cuts: number[] };
}

const PRICE: GpuTolerance = {
	bound: 4e-6,
	why: 'price-level smoother: input rounding + compensated sums or a contractive scan, ~10–30 ulps of the price (seen ≤ 1.1e-6, TEMA)'
};

const DIFFERENCE: GpuTolerance = {
	bound: 1e-4,
	why: 'difference or ratio of price-level quantities: ulps of the price over a much smaller spread, e.g. MACD = EMA₁₂ − EMA₂₆ (seen ≤ 4.1e-5, MACD on GBM)'
};

const RETURNS: GpuTolerance = {
	bound: 1e-4,
	why: 'built on log returns: WGSL log is specified to 2⁻²¹ absolute, ~1e-5 of a column of 5 % returns; moments and ratios add a few times that (seen ≤ 3.6e-5, kurtosis)'
};

const CUMULATIVE: GpuTolerance = {
	bound: 5e-5,
	why: 'running total by the blocked scan: up to (64 + bars/64) ε of the running magnitude, plus ε per input volume (seen ≤ 9.4e-6, A/D on GBM)'
};

export const GPU_TOLERANCE: Readonly<Record<string, GpuTolerance>> = {
	sma: PRICE,
	ema: PRICE,
	wma: PRICE,
	dema: PRICE,
	tema: PRICE,
	kama: PRICE,
	macd: DIFFERENCE,
	adx: DIFFERENCE,
	aroon: {
		bound: 0,
		why: 'integer ages of window extremes: exact as long as f32 keeps the window’s prices distinct (cents below $100,000; GBM ties need a 6e-8 coincidence)'
	},
	rsi: DIFFERENCE,
	stoch: DIFFERENCE,
	williams_r: DIFFERENCE,
	cci: DIFFERENCE,
	roc: DIFFERENCE,
	momentum: DIFFERENCE,
	trix: {
		bound: 1e-3,
		why: 'TRIX = 100 (E₃ₜ/E₃ₜ₋₁ − 1) is ~1e-3 of the price: the triple EMA’s ~1e-6 relative error is amplified ~1,000× (seen ≤ 1.6e-4)'
	},
	ultimate_oscillator: DIFFERENCE,
	simple_return: RETURNS,
	log_return: RETURNS,
	rolling_mean: RETURNS,
	rolling_std: RETURNS,
	rolling_min: RETURNS,
	rolling_max: RETURNS,
	rolling_median: RETURNS,
	rolling_quantile: RETURNS,
	rolling_skew: RETURNS,
	rolling_kurtosis: RETURNS,
	rolling_zscore: DIFFERENCE,
	true_range: DIFFERENCE,
	atr: DIFFERENCE,
	natr: DIFFERENCE,
	bollinger: DIFFERENCE,
	keltner: PRICE,
	vol_close_to_close: RETURNS,
	vol_parkinson: RETURNS,
	vol_garman_klass: RETURNS,
	vol_rogers_satchell: RETURNS,
	vol_yang_zhang: RETURNS,
	vol_ewma: RETURNS,
	obv: CUMULATIVE,
	mfi: DIFFERENCE,
	vwap_rolling: PRICE,
	accumulation_distribution: CUMULATIVE,
	chaikin_money_flow: DIFFERENCE,
	volume_zscore: DIFFERENCE,
	fft_band_energy: RETURNS,
	wavelet_haar: RETURNS,
	wavelet_db4: RETURNS,
	vol_regime: {
		bound: 1e-2,
		why: 'an expanding rank of f32 stds (~1e-5 relative error): two past stds closer than that can swap order, moving the percentile by 1/count per swap (count ≥ minHistory; seen 2.8e-3 at minHistory 126); the regime is exact except where the percentile sits within that of 1/3 or 2/3',
		discrete: { output: 0, from: 1, cuts: [1 / 3, 2 / 3] }
	},
	calendar: {
		bound: 1e-7,
		why: 'integer date fields are exact; sin/cos come from f64 tables rounded to f32 (≤ ε)'
	},
	rolling_correlation: RETURNS,
	rolling_beta: RETURNS
};
