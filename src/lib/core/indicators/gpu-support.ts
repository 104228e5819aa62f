/**
 * Which execution paths each registry entry has beyond its CPU batch and streaming paths: a WebGPU
 * batch plan (`src/lib/compute/indicators`) of a given family, or an explicit CPU-only marker with
 * the reason. Kept beside the registry rather than in 53 definition files; a unit test holds the
 * two lists to the same ids, so a new indicator cannot ship without deciding.
 *
 * Families (see src/lib/compute/indicators/plan.ts):
 * - `elementwise`: one thread per (bar, series, parameter set);
 * - `rolling-window`: one thread per element re-reading its window (compensated sums, two-pass
 *   moments, extremes, rank-counted order statistics);
 * - `affine-scan`: linear recurrences yₜ = aₜyₜ₋₁ + bₜ by a blocked parallel scan over time.
 */
export type GpuFamily = 'elementwise' | 'rolling-window' | 'affine-scan';

export type GpuSupport = { path: 'gpu'; family: GpuFamily } | { path: 'cpu-only'; reason: string };

const gpu = (family: GpuFamily): GpuSupport => ({ path: 'gpu', family });

export const GPU_SUPPORT: Readonly<Record<string, GpuSupport>> = {
	sma: gpu('rolling-window'),
	ema: gpu('affine-scan'),
	wma: gpu('rolling-window'),
	dema: gpu('affine-scan'),
	tema: gpu('affine-scan'),
	kama: gpu('affine-scan'),
	macd: gpu('affine-scan'),
	adx: gpu('affine-scan'),
	aroon: gpu('rolling-window'),
	rsi: gpu('affine-scan'),
	stoch: gpu('rolling-window'),
	williams_r: gpu('rolling-window'),
	cci: gpu('rolling-window'),
	roc: gpu('elementwise'),
	momentum: gpu('elementwise'),
	trix: gpu('affine-scan'),
	ultimate_oscillator: gpu('rolling-window'),
	simple_return: gpu('elementwise'),
	log_return: gpu('elementwise'),
	rolling_mean: gpu('rolling-window'),
	rolling_std: gpu('rolling-window'),
	rolling_min: gpu('rolling-window'),
	rolling_max: gpu('rolling-window'),
	rolling_median: gpu('rolling-window'),
	rolling_quantile: gpu('rolling-window'),
	rolling_skew: gpu('rolling-window'),
	rolling_kurtosis: gpu('rolling-window'),
	rolling_zscore: gpu('rolling-window'),
	true_range: gpu('elementwise'),
	atr: gpu('affine-scan'),
	natr: gpu('affine-scan'),
	bollinger: gpu('rolling-window'),
	keltner: gpu('affine-scan'),
	vol_close_to_close: gpu('rolling-window'),
	vol_parkinson: gpu('rolling-window'),
	vol_garman_klass: gpu('rolling-window'),
	vol_rogers_satchell: gpu('rolling-window'),
	vol_yang_zhang: gpu('rolling-window'),
	vol_ewma: gpu('affine-scan'),
	obv: gpu('affine-scan'),
	mfi: gpu('rolling-window'),
	vwap_rolling: gpu('rolling-window'),
	accumulation_distribution: gpu('affine-scan'),
	chaikin_money_flow: gpu('rolling-window'),
	volume_zscore: gpu('rolling-window'),
	fft_band_energy: gpu('rolling-window'),
	wavelet_haar: gpu('rolling-window'),
	wavelet_db4: gpu('rolling-window'),
	vol_regime: gpu('rolling-window'),
	hmm_regime: {
		path: 'cpu-only',
		reason:
			'each refit is a sequential Baum–Welch EM (up to 200 forward–backward sweeps) stopped by a data-dependent convergence test: in f32 a fit can stop at another iteration and land on other parameters, so no tolerance would hold its outputs; one refit per 63 bars is cheap on the CPU'
	},
	calendar: gpu('elementwise'),
	rolling_correlation: gpu('rolling-window'),
	rolling_beta: gpu('rolling-window')
};

/** The GPU support marker for a registry id (undefined for an unknown id). */
export const gpuSupportOf = (id: string): GpuSupport | undefined => GPU_SUPPORT[id];
