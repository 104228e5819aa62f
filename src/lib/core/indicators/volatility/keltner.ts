import type { IndicatorDef, Params } from '../indicator';
import { SeededEma } from '../statistics/kernels/seeded-ema';
import { atrPeriodParam } from './atr-period';
import { AtrStream } from './atr-stream';

/** One bar of the channel: an EMA of the typical price ± multiplier × ATR. */
class KeltnerStream {
	private readonly mid: SeededEma;
	private readonly atr: AtrStream;
	private readonly mult: number;

	constructor(p: Params) {
		this.mid = new SeededEma(p.period, 2 / (p.period + 1));
		this.atr = new AtrStream(p.atr_period);
		this.mult = p.multiplier;
	}

	next(h: number, l: number, c: number, out: Float64Array): void {
		const mid = this.mid.push((h + l + c) / 3);
		const band = this.mult * this.atr.next(h, l, c);
		if (Number.isNaN(mid + band)) {
			out.fill(NaN); // all three outputs warm up together
			return;
		}
		out[0] = mid;
		out[1] = mid + band;
		out[2] = mid - band;
	}
}

/**
 * Keltner channels, TTR `keltnerChannels` style: EMA(20) of the typical price (H + L + C)/3 ±
 * 2 × Wilder ATR. The ATR period is its own parameter, default 10 (the Raschke/StockCharts
 * convention); TTR uses the same n for both (set atr_period = period to match it). Chester
 * Keltner's 1960 original used a 10-day SMA of the typical price ± the 10-day SMA of H − L.
 */
export const keltner: IndicatorDef = {
	id: 'keltner',
	name: 'Keltner channels',
	category: 'volatility',
	inputs: ['high', 'low', 'close'],
	params: [
		{
			name: 'period',
			default: 20,
			min: 1,
			max: 100_000,
			integer: true,
			description: 'Bars in the EMA of the typical price'
		},
		atrPeriodParam('atr_period', 10),
		{
			name: 'multiplier',
			default: 2,
			min: 0,
			max: 100,
			integer: false,
			description: 'Channel half-width in ATRs'
		}
	],
	outputs: ['middle', 'upper', 'lower'],
	warmup: (p) => Math.max(p.period - 1, p.atr_period),
	compute(series, p) {
		const n = series.close.length;
		const cols = [0, 1, 2].map(() => new Float64Array(n));
		const k = new KeltnerStream(p);
		const row = new Float64Array(3);
		for (let i = 0; i < n; i++) {
			k.next(series.high[i], series.low[i], series.close[i], row);
			cols[0][i] = row[0];
			cols[1][i] = row[1];
			cols[2][i] = row[2];
		}
		return cols;
	},
	stream(p) {
		const k = new KeltnerStream(p);
		return {
			update(bar) {
				const row = new Float64Array(3);
				k.next(bar.high, bar.low, bar.close, row);
				return row;
			}
		};
	},
	definition:
		'middle = EMAₙ((H + L + C)/3), α = 2/(n + 1), seeded with the SMA of the first n; ' +
		'upper/lower = middle ± m · ATRₐ (Wilder, see `atr`). Defaults n = 20, a = 10, m = 2.',
	reference:
		'Keltner (1960), How to Make Money in Commodities; Raschke (ATR variant); tested against ' +
		'TTR 0.24 keltnerChannels (a = n = 20) and TTR EMA ± 2·ATR (a = 10).'
};
