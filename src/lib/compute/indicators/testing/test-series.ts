// Test support only: equal-length series sets for one GPU dispatch, real and synthetic.
import { ttrcSeries } from '../../../core/indicators/testing';
import type { OhlcvSeries } from '../../../core/ohlcv';
import { generateGbm } from '../../../core/synthetic/gbm';

const slice = (s: OhlcvSeries, from: number, bars: number, symbol: string): OhlcvSeries => ({
	symbol,
	time: s.time.slice(from, from + bars),
	open: s.open.slice(from, from + bars),
	high: s.high.slice(from, from + bars),
	low: s.low.slice(from, from + bars),
	close: s.close.slice(from, from + bars),
	volume: s.volume.slice(from, from + bars)
});

/**
 * Three real series of `bars` bars: windows of TTR's ttrc daily file starting 1,250 bars apart
 * (one real file, three distinct price paths, levels and volumes; together they span bars 0–5,500).
 */
export function realSeriesSet(bars = 3000): OhlcvSeries[] {
	const ttrc = ttrcSeries();
	return [0, 1250, 2500].map((from) => slice(ttrc, from, bars, `TTRC+${from}`));
}

/** Three seeded GBM series (different drifts and volatilities). */
export function syntheticSeriesSet(bars = 2000): OhlcvSeries[] {
	return [
		{ seed: 11, mu: 0.05, sigma: 0.2, s0: 100 },
		{ seed: 12, mu: -0.1, sigma: 0.45, s0: 20 },
		{ seed: 13, mu: 0.2, sigma: 0.1, s0: 1500 }
	].map((o) => generateGbm({ ...o, bars, symbol: `GBM${o.seed}` }));
}

/** The second series for relations: each series paired with the next one's closes. */
export const pairedCloses = (set: readonly OhlcvSeries[]): Float64Array[] =>
	set.map((_, i) => set[(i + 1) % set.length].close);
