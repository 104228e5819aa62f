import type { OhlcvSeries } from '../ohlcv';
import { CounterRng } from '../random/philox';
import { bridgeMax } from './bridge-extreme';

export interface GbmOptions {
	/** Philox key: the same seed (and options) gives the same series everywhere. Integer, taken mod 2³². */
	seed: number;
	/** Number of bars, ≥ 1. */
	bars: number;
	/** Time of the first bar in ms UTC. Default 2000-01-03 (a Monday). */
	start?: number;
	/** Bar spacing in ms. Default one day; bars are evenly spaced, with no weekends or holidays. */
	stepMs?: number;
	/** The close before the first bar, > 0. */
	s0: number;
	/** Annual drift μ of the price: E[S(t)] = s0·e^{μt}. */
	mu: number;
	/** Annual volatility σ ≥ 0 of log returns. */
	sigma: number;
	/** Bars per year, setting the step Δt = 1 / periodsPerYear. Default 252 (trading days). */
	periodsPerYear?: number;
	/** Share of each bar's return variance that arrives overnight, as the open's gap. Default 0.1. */
	gapShare?: number;
	/** Median volume per bar. Default 1,000,000. */
	volumeMedian?: number;
	symbol: string;
}

/** Log-standard-deviation of volume: about a 1.6× day-to-day spread, typical of liquid stocks. */
const VOLUME_LOG_SD = 0.5;

/**
 * A seeded geometric Brownian motion bar series (Black & Scholes 1973; Hull, *Options, Futures, and
 * Other Derivatives*, ch. "Wiener processes and Itô's lemma"), simulated exactly at the bar closes
 * (Glasserman 2004, §3.2.1): each close-to-close log return is Normal((μ − σ²/2)Δt, σ²Δt), so closes
 * are exactly GBM whatever the intrabar construction.
 *
 * Each bar splits that return into two independent Gaussian parts, which sum to the law above:
 * - **open** = previous close × e^g: the overnight gap g carries `gapShare` of the drift and variance;
 * - **close** = open × e^d: the session return d carries the rest, variance v = (1 − gapShare)σ²Δt;
 * - **high / low** = open × e^M and open × e^m, with M and m the maximum and minimum of a Brownian
 *   bridge from 0 to d with variance v (`bridgeMax`). Each is drawn exactly from its own conditional
 *   law, but the two are drawn independently (the true pair is dependent), so ranges are plausible
 *   rather than exact. By construction low ≤ min(open, close) ≤ max(open, close) ≤ high; a final
 *   min/max guards the last bit of rounding.
 * - **volume** = lognormal around `volumeMedian` (log-sd 0.5), rounded to whole units, independent of
 *   price.
 *
 * Returns, extremes and volumes use separate Philox streams of the seed (0, 1, 2), so, e.g., a change
 * to the volume model cannot move prices.
 *
 * @throws RangeError on invalid options (non-integer bars or seed, non-positive s0, negative sigma…).
 * @example
 * const s = generateGbm({ seed: 7, bars: 1000, s0: 100, mu: 0.05, sigma: 0.2, symbol: 'GBM' });
 * s.close.length; // 1000
 */
export function generateGbm(opts: GbmOptions): OhlcvSeries {
	const {
		seed,
		bars,
		start = Date.UTC(2000, 0, 3),
		stepMs = 86_400_000,
		s0,
		mu,
		sigma,
		periodsPerYear = 252,
		gapShare = 0.1,
		volumeMedian = 1_000_000,
		symbol
	} = opts;
	check(Number.isInteger(seed), 'seed must be an integer');
	check(Number.isInteger(bars) && bars >= 1, 'bars must be an integer ≥ 1');
	check(
		Number.isFinite(start) && Number.isFinite(stepMs) && stepMs > 0,
		'start must be finite and stepMs > 0'
	);
	check(Number.isFinite(s0) && s0 > 0, 's0 must be a positive price');
	check(Number.isFinite(mu), 'mu must be finite');
	check(Number.isFinite(sigma) && sigma >= 0, 'sigma must be finite and ≥ 0');
	check(Number.isFinite(periodsPerYear) && periodsPerYear > 0, 'periodsPerYear must be > 0');
	check(gapShare >= 0 && gapShare < 1, 'gapShare must be in [0, 1)');
	check(Number.isFinite(volumeMedian) && volumeMedian > 0, 'volumeMedian must be > 0');

	const dt = 1 / periodsPerYear;
	const drift = (mu - (sigma * sigma) / 2) * dt;
	const variance = sigma * sigma * dt;
	const gapVar = gapShare * variance;
	const dayVar = variance - gapVar;
	const returns = new CounterRng(seed, 0);
	const extremes = new CounterRng(seed, 1);
	const volumes = new CounterRng(seed, 2);

	const s: OhlcvSeries = {
		symbol,
		time: new Float64Array(bars),
		open: new Float64Array(bars),
		high: new Float64Array(bars),
		low: new Float64Array(bars),
		close: new Float64Array(bars),
		volume: new Float64Array(bars)
	};
	let previous = s0;
	for (let t = 0; t < bars; t++) {
		const g = gapShare * drift + Math.sqrt(gapVar) * returns.normal();
		const d = (1 - gapShare) * drift + Math.sqrt(dayVar) * returns.normal();
		// 1 − uniform() lies in (0, 1], keeping ln u finite.
		const up = bridgeMax(d, dayVar, 1 - extremes.uniform());
		const down = -bridgeMax(-d, dayVar, 1 - extremes.uniform());
		const open = previous * Math.exp(g);
		const close = open * Math.exp(d);
		s.time[t] = start + t * stepMs;
		s.open[t] = open;
		s.close[t] = close;
		s.high[t] = Math.max(open * Math.exp(up), open, close);
		s.low[t] = Math.min(open * Math.exp(down), open, close);
		s.volume[t] = Math.round(volumeMedian * Math.exp(VOLUME_LOG_SD * volumes.normal()));
		previous = close;
	}
	return s;
}

function check(condition: boolean, message: string): asserts condition {
	if (!condition) throw new RangeError(`generateGbm: ${message}`);
}
