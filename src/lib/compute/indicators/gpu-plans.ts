/**
 * The explicit list of GPU plans, by registry id. `core/indicators/gpu-support.ts` says which ids
 * have one (and why the others are CPU-only); a unit test holds the two lists equal.
 */
import * as relationCalendar from './plans/relation-calendar-plans';
import * as momentum from './plans/momentum-plans';
import * as regime from './plans/regime-plans';
import * as spectral from './plans/spectral-plans';
import * as statistics from './plans/statistics-plans';
import * as trend from './plans/trend-plans';
import * as volatility from './plans/volatility-plans';
import * as volume from './plans/volume-plans';
import type { GpuPlan } from './plan';

export const GPU_PLANS: Readonly<Record<string, () => GpuPlan>> = {
	sma: trend.smaPlan,
	ema: trend.emaPlan,
	wma: trend.wmaPlan,
	dema: trend.demaPlan,
	tema: trend.temaPlan,
	kama: trend.kamaPlan,
	macd: trend.macdPlan,
	adx: trend.adxPlan,
	aroon: trend.aroonPlan,
	rsi: momentum.rsiPlan,
	stoch: momentum.stochPlan,
	williams_r: momentum.williamsRPlan,
	cci: momentum.cciPlan,
	roc: momentum.rocPlan,
	momentum: momentum.momentumPlan,
	trix: momentum.trixPlan,
	ultimate_oscillator: momentum.ultimateOscillatorPlan,
	simple_return: statistics.simpleReturnPlan,
	log_return: statistics.logReturnPlan,
	rolling_mean: statistics.rollingMeanPlan,
	rolling_std: statistics.rollingStdPlan,
	rolling_min: statistics.rollingMinPlan,
	rolling_max: statistics.rollingMaxPlan,
	rolling_median: statistics.rollingMedianPlan,
	rolling_quantile: statistics.rollingQuantilePlan,
	rolling_skew: statistics.rollingSkewPlan,
	rolling_kurtosis: statistics.rollingKurtosisPlan,
	rolling_zscore: statistics.rollingZscorePlan,
	true_range: volatility.trueRangePlan,
	atr: trend.atrPlan,
	natr: volatility.natrPlan,
	bollinger: volatility.bollingerPlan,
	keltner: volatility.keltnerPlan,
	vol_close_to_close: volatility.volCloseToClosePlan,
	vol_parkinson: volatility.volParkinsonPlan,
	vol_garman_klass: volatility.volGarmanKlassPlan,
	vol_rogers_satchell: volatility.volRogersSatchellPlan,
	vol_yang_zhang: volatility.volYangZhangPlan,
	vol_ewma: volatility.volEwmaPlan,
	obv: volume.obvPlan,
	mfi: volume.mfiPlan,
	vwap_rolling: volume.vwapRollingPlan,
	accumulation_distribution: volume.accumulationDistributionPlan,
	chaikin_money_flow: volume.chaikinMoneyFlowPlan,
	volume_zscore: volume.volumeZscorePlan,
	fft_band_energy: spectral.fftBandEnergyPlan,
	wavelet_haar: spectral.waveletHaarPlan,
	wavelet_db4: spectral.waveletDb4Plan,
	vol_regime: regime.volRegimePlan,
	calendar: relationCalendar.calendarPlan,
	rolling_correlation: relationCalendar.rollingCorrelationPlan,
	rolling_beta: relationCalendar.rollingBetaPlan
};
