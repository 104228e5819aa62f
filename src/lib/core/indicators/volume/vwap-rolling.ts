import type { IndicatorDef, Params } from '../indicator';
import { RollingSum } from '../statistics/kernels/rolling-sum';
import { flowRatioColumn } from './flow-ratio-batch';
import { periodParam } from './period-param';

/** Σ C·V / Σ V over the window. */
class VwapStream {
	private readonly pv: RollingSum;
	private readonly vol: RollingSum;

	constructor(p: Params) {
		this.pv = new RollingSum(p.period);
		this.vol = new RollingSum(p.period);
	}

	next(c: number, v: number): number {
		const pv = c * v;
		const num = this.pv.push(pv);
		const den = this.vol.push(Number.isFinite(pv) ? v : NaN);
		return num / den;
	}
}

/**
 * Rolling volume-weighted average price of the close over n bars, TTR `VWAP(Cl, Vo, n = 10)`
 * (a volume-weighted moving average; intraday session VWAP anchored at the open is another op).
 */
export const vwapRolling: IndicatorDef = {
	id: 'vwap_rolling',
	name: 'Rolling VWAP',
	category: 'volume',
	inputs: ['close', 'volume'],
	params: [periodParam(10)],
	outputs: ['vwap'],
	warmup: (p) => p.period - 1,
	compute(series, p) {
		const { close, volume } = series;
		const pv = new Float64Array(close.length);
		for (let i = 0; i < pv.length; i++) pv[i] = close[i] * volume[i];
		return [flowRatioColumn(pv, volume, p.period)];
	},
	stream(p) {
		const k = new VwapStream(p);
		return { update: (b) => Float64Array.of(k.next(b.close, b.volume)) };
	},
	definition:
		'VWAPₜ = Σ Cᵢ Vᵢ / Σ Vᵢ over the last n bars (close as the price, as TTR VWAP is usually ' +
		'called). NaN when the window has no volume.',
	reference:
		'Berkowitz, Logue & Noser (1988), "The total cost of transactions on the NYSE", J. Finance ' +
		'43(1); tested against TTR 0.24 VWAP(close, volume).'
};
