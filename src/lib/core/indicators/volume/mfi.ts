import type { IndicatorDef, Params } from '../indicator';
import { RollingSum } from '../statistics/kernels/rolling-sum';
import { mfiBatch } from './mfi-batch';
import { periodParam } from './period-param';

/** Positive and negative money flow over the window, with exact counts of each kind of bar. */
class MfiStream {
	private readonly pos: RollingSum;
	private readonly neg: RollingSum;
	// Counts tell an empty side exactly; a running sum of floats may end a hair off zero.
	private readonly posCount: RollingSum;
	private readonly negCount: RollingSum;
	private prevTp = NaN;

	constructor(p: Params) {
		this.pos = new RollingSum(p.period);
		this.neg = new RollingSum(p.period);
		this.posCount = new RollingSum(p.period);
		this.negCount = new RollingSum(p.period);
	}

	next(h: number, l: number, c: number, v: number): number {
		const tp = (h + l + c) / 3;
		const prev = this.prevTp;
		this.prevTp = tp;
		const mf = tp * v;
		const ok = Number.isFinite(mf) && Number.isFinite(prev);
		// Bars whose H + L + C are equal in decimal often differ by an ulp once summed in binary;
		// a relative change below 1e-12 is such a tie, not a move.
		const moved = Math.abs(tp - prev) > 1e-12 * Math.abs(prev);
		const up = ok ? (moved && tp > prev ? 1 : 0) : NaN;
		const down = ok ? (moved && tp < prev ? 1 : 0) : NaN;
		const num = this.pos.push(up * mf);
		const den = this.neg.push(down * mf);
		const ups = this.posCount.push(up);
		const downs = this.negCount.push(down);
		if (Number.isNaN(ups)) return NaN;
		if (downs === 0) return ups === 0 ? 50 : 100;
		return 100 - 100 / (1 + num / den);
	}
}

/**
 * Money flow index (14), TTR `MFI` / TA-Lib MFI: an RSI of typical price weighted by volume.
 *
 * @example
 * mfi.compute(series, { period: 14 })[0]; // first value at bar 14
 */
export const mfi: IndicatorDef = {
	id: 'mfi',
	name: 'Money flow index',
	category: 'volume',
	inputs: ['high', 'low', 'close', 'volume'],
	params: [periodParam(14)],
	outputs: ['mfi'],
	warmup: (p) => p.period,
	compute: mfiBatch,
	stream(p) {
		const k = new MfiStream(p);
		return { update: (b) => Float64Array.of(k.next(b.high, b.low, b.close, b.volume)) };
	},
	definition:
		'TPₜ = (Hₜ + Lₜ + Cₜ)/3, MFₜ = TPₜ · Vₜ; P = Σ MF where TP rose, N = Σ MF where TP fell, ' +
		'over the last n bars (a relative change below 1e-12 counts as no change: equal decimal ' +
		'prices summed in binary differ by an ulp); MFI = 100 − 100/(1 + P/N); 100 when N is empty, 50 when both are ' +
		'(TTR rules). First value at bar n.',
	reference:
		'Quong & Soudack (1989), "Volume-weighted RSI: money flow", Technical Analysis of Stocks & ' +
		'Commodities; TA-Lib MFI; tested against TTR 0.24 MFI.'
};
